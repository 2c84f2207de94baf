namespace Almanac.Web.Tests.Infrastructure;

/// <summary>Sample stories the tests refer to by slug (from src/Almanac.Core/Sample).</summary>
public static class Samples
{
    public const string MexicoUssr = "1924-diplomatic-relations-established-between-mexico-and-the-ussr";
}
