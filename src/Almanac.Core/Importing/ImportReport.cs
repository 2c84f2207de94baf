namespace Almanac.Core.Importing;

/// <summary>What an import did (or, in a dry run, would do).</summary>
public sealed class ImportReport
{
    /// <summary>The report keeps the first problems and notes in full; the rest are only counted.</summary>
    public const int MaxListed = 1000;

    public bool DryRun { get; init; }

    public int Read { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    /// <summary>Records already imported (or unchanged with <c>--update</c>), left as they are.</summary>
    public int Skipped { get; set; }

    public int Bad { get; set; }

    public int MediaCreated { get; set; }

    public int RedirectsCreated { get; set; }

    public int TagsCreated { get; set; }

    public int CommentsCreated { get; set; }

    /// <summary>Comments rewritten by <c>--update</c> because the file changed them.</summary>
    public int CommentsUpdated { get; set; }

    /// <summary>Newsroom accounts made for authors (without passwords).</summary>
    public int UsersCreated { get; set; }

    /// <summary>Records kept for later (pingbacks and trackbacks).</summary>
    public int Kept { get; set; }

    /// <summary>True when <c>--strict</c> stopped the run at a bad record.</summary>
    public bool Stopped { get; set; }

    public List<ProblemEntry> Problems { get; } = [];

    public List<NoteEntry> Notes { get; } = [];

    public int NoteCount { get; set; }

    internal void Add(ProblemEntry problem)
    {
        Bad++;
        if (Problems.Count < MaxListed)
        {
            Problems.Add(problem);
        }
    }

    internal void Add(NoteEntry note)
    {
        NoteCount++;
        if (Notes.Count < MaxListed)
        {
            Notes.Add(note);
        }
    }
}

/// <summary>What the importer may do: by default it adds what is new and changes nothing that exists.</summary>
public sealed record ImportOptions
{
    /// <summary>Do the work in transactions that are rolled back: exact counts, nothing written.</summary>
    public bool DryRun { get; init; }

    /// <summary>Overwrite records imported before when the file has changed them.</summary>
    public bool Update { get; init; }

    /// <summary>Stop at the first bad record instead of skipping it.</summary>
    public bool Strict { get; init; }

    /// <summary>Records per transaction: each batch lands whole or not at all.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Rank related stories when done (a full pass over the site; off for very large loads).</summary>
    public bool RecomputeRelated { get; init; } = true;
}
