using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Almanac.Core.Data.Migrations.Postgres
{
    /// <summary>
    /// The full-text index of stories on PostgreSQL (see docs/search.md): a text search configuration
    /// <c>almanac</c> (<c>simple</c> behind <c>unaccent</c>), the table <c>StorySearch</c> with a stored
    /// generated <c>tsvector</c> and its GIN index. Existing stories are indexed here in SQL with the
    /// Markdown body; the next save of a story, or <c>almanac reindex</c>, stores the exact text.
    /// </summary>
    public partial class AddStorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION almanac (COPY = pg_catalog.simple);
                ALTER TEXT SEARCH CONFIGURATION almanac
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
                    WITH unaccent, simple;
                CREATE TABLE "StorySearch" (
                    "StoryId" integer PRIMARY KEY REFERENCES "Stories" ("Id") ON DELETE CASCADE,
                    "Title" text NOT NULL,
                    "Date" text NOT NULL,
                    "Summary" text NOT NULL,
                    "Highlights" text NOT NULL,
                    "Body" text NOT NULL,
                    "Tags" text NOT NULL,
                    "Document" tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('almanac'::regconfig, "Title"), 'A') ||
                        setweight(to_tsvector('almanac'::regconfig, "Tags"), 'B') ||
                        setweight(to_tsvector('almanac'::regconfig, "Summary"), 'B') ||
                        setweight(to_tsvector('almanac'::regconfig, "Date"), 'C') ||
                        setweight(to_tsvector('almanac'::regconfig, "Highlights"), 'C') ||
                        setweight(to_tsvector('almanac'::regconfig, "Body"), 'D')) STORED);
                CREATE INDEX "IX_StorySearch_Document" ON "StorySearch" USING GIN ("Document");
                """);
            migrationBuilder.Sql("""
                INSERT INTO "StorySearch" ("StoryId", "Title", "Date", "Summary", "Highlights", "Body", "Tags")
                SELECT s."Id", s."Title",
                    CASE WHEN s."Year" <= 0 THEN (1 - s."Year") || ' BC' WHEN s."Year" < 1000 THEN 'AD ' || s."Year" ELSE s."Year"::text END
                        || COALESCE(' ' || s."Day", '') || COALESCE(' ' || trim(to_char(make_date(2000, s."Month", 1), 'Month')), ''),
                    s."Summary",
                    array_to_string(s."Highlights", E'\n'),
                    COALESCE(b."Body", ''),
                    COALESCE((SELECT string_agg(t."Name", E'\n') FROM "StoryTopics" j JOIN "Topics" t ON t."Id" = j."TopicId" WHERE j."StoryId" = s."Id"), '')
                        || E'\n'
                        || COALESCE((SELECT string_agg(c."Name", E'\n') FROM "StoryCategories" j JOIN "Categories" c ON c."Id" = j."CategoryId" WHERE j."StoryId" = s."Id"), '')
                FROM "Stories" s LEFT JOIN "StoryBodies" b ON b."StoryId" = s."Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE "StorySearch";
                DROP TEXT SEARCH CONFIGURATION almanac;
                """);
        }
    }
}
