using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Almanac.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddMediaLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ByteSize",
                table: "Media",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "OriginalFileName",
                table: "Media",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<int>>(
                name: "VariantWidths",
                table: "Media",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.CreateTable(
                name: "MediaBlobs",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaBlobs", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Media_CreatedAtUtc",
                table: "Media",
                column: "CreatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediaBlobs");

            migrationBuilder.DropIndex(
                name: "IX_Media_CreatedAtUtc",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "ByteSize",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "OriginalFileName",
                table: "Media");

            migrationBuilder.DropColumn(
                name: "VariantWidths",
                table: "Media");
        }
    }
}
