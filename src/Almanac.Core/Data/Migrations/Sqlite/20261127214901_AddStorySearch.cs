using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Almanac.Core.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text index of stories (SQLite FTS5), see docs/search.md. Existing stories are indexed
    /// here in SQL; the body goes in as Markdown, which the tokenizer reads as words and punctuation.
    /// The next save of a story, or <c>almanac reindex</c>, stores the exact plain text.
    /// </summary>
    public partial class AddStorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE StorySearch USING fts5(
                    title, date, summary, highlights, body, tags,
                    tokenize = 'unicode61 remove_diacritics 2',
                    prefix = '2 3');
                """);
            migrationBuilder.Sql("""
                INSERT INTO StorySearch (rowid, title, date, summary, highlights, body, tags)
                SELECT s.Id,
                    s.Title,
                    CASE WHEN s.Year <= 0 THEN (1 - s.Year) || ' BC' WHEN s.Year < 1000 THEN 'AD ' || s.Year ELSE CAST(s.Year AS TEXT) END
                        || COALESCE(' ' || s.Day, '')
                        || COALESCE(' ' || CASE s.Month WHEN 1 THEN 'January' WHEN 2 THEN 'February' WHEN 3 THEN 'March'
                            WHEN 4 THEN 'April' WHEN 5 THEN 'May' WHEN 6 THEN 'June' WHEN 7 THEN 'July' WHEN 8 THEN 'August'
                            WHEN 9 THEN 'September' WHEN 10 THEN 'October' WHEN 11 THEN 'November' WHEN 12 THEN 'December' END, ''),
                    s.Summary,
                    COALESCE((SELECT group_concat(h.value, char(10)) FROM json_each(s.Highlights) AS h), ''),
                    COALESCE(b.Body, ''),
                    COALESCE((SELECT group_concat(t.Name, char(10)) FROM StoryTopics AS j JOIN Topics AS t ON t.Id = j.TopicId WHERE j.StoryId = s.Id), '')
                        || char(10)
                        || COALESCE((SELECT group_concat(c.Name, char(10)) FROM StoryCategories AS j JOIN Categories AS c ON c.Id = j.CategoryId WHERE j.StoryId = s.Id), '')
                FROM Stories AS s
                LEFT JOIN StoryBodies AS b ON b.StoryId = s.Id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE StorySearch;");
        }
    }
}
