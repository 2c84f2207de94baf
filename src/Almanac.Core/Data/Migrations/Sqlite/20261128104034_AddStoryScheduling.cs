using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Almanac.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddStoryScheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishAtUtc",
                table: "Stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Stories_PublishAtUtc_Status",
                table: "Stories",
                columns: new[] { "PublishAtUtc", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Stories_PublishAtUtc_Status",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "PublishAtUtc",
                table: "Stories");
        }
    }
}
