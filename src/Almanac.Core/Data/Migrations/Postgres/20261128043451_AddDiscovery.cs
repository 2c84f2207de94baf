using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Almanac.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDiscovery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Topics",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "BornCalendar",
                table: "Topics",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Gregorian");

            migrationBuilder.AddColumn<bool>(
                name: "BornCirca",
                table: "Topics",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "BornDay",
                table: "Topics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BornMonth",
                table: "Topics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BornPrecision",
                table: "Topics",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<int>(
                name: "BornYear",
                table: "Topics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiedCalendar",
                table: "Topics",
                type: "character varying(12)",
                maxLength: 12,
                nullable: false,
                defaultValue: "Gregorian");

            migrationBuilder.AddColumn<bool>(
                name: "DiedCirca",
                table: "Topics",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "DiedDay",
                table: "Topics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DiedMonth",
                table: "Topics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiedPrecision",
                table: "Topics",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<int>(
                name: "DiedYear",
                table: "Topics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ImageId",
                table: "Topics",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Topics",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Theme");

            migrationBuilder.AlterColumn<double>(
                name: "Score",
                table: "StoryRelations",
                type: "double precision",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.CreateTable(
                name: "StoryReads",
                columns: table => new
                {
                    StoryId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryReads", x => new { x.StoryId, x.Day });
                    table.ForeignKey(
                        name: "FK_StoryReads_StoryBodies_StoryId",
                        column: x => x.StoryId,
                        principalTable: "StoryBodies",
                        principalColumn: "StoryId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_ImageId",
                table: "Topics",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_StoryReads_Day_StoryId_Count",
                table: "StoryReads",
                columns: new[] { "Day", "StoryId", "Count" });

            migrationBuilder.AddForeignKey(
                name: "FK_Topics_Media_ImageId",
                table: "Topics",
                column: "ImageId",
                principalTable: "Media",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Topics_Media_ImageId",
                table: "Topics");

            migrationBuilder.DropTable(
                name: "StoryReads");

            migrationBuilder.DropIndex(
                name: "IX_Topics_ImageId",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "BornCalendar",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "BornCirca",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "BornDay",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "BornMonth",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "BornPrecision",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "BornYear",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "DiedCalendar",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "DiedCirca",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "DiedDay",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "DiedMonth",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "DiedPrecision",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "DiedYear",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "ImageId",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Topics");

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "Topics",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<int>(
                name: "Score",
                table: "StoryRelations",
                type: "integer",
                nullable: false,
                oldClrType: typeof(double),
                oldType: "double precision");
        }
    }
}
