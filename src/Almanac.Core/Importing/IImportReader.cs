namespace Almanac.Core.Importing;

/// <summary>
/// One source format. A reader streams its file as <see cref="ImportEntry"/> values and never
/// touches the database; everything it yields goes through <see cref="Importer"/>, the one path
/// that writes stories. A file it cannot read at all (not its format, a DTD in XML) throws
/// <see cref="InvalidDataException"/> with a sentence for the operator.
/// </summary>
public interface IImportReader
{
    /// <summary>The first half of every import key, e.g. "jsonl", "csv", "wxr:example.org".</summary>
    string Source { get; }

    /// <summary>How far through the file reading is, 0 to 1, for the progress bar.</summary>
    double Progress { get; }

    IAsyncEnumerable<ImportEntry> ReadAsync(CancellationToken ct);
}
