using Microsoft.EntityFrameworkCore;

namespace Almanac.Cli.Tests.Commands;

public class BackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_ThenRestoreIntoAnEmptySite_AndNeverOverAFullOneWithoutForce()
    {
        var site = AlmanacProcess.NewDatabase();
        await AlmanacProcess.RunAsync("generate", "--stories", "40", "--seed", "4", "--connection", site);
        var file = SiteDatabase.TempFile("backup.db");

        // A reader keeps the site's database open while the snapshot is taken, as a serving site would.
        var backup = await SiteDatabase.ReadAsync(site, async db =>
        {
            await db.Stories.CountAsync(Ct);
            await db.Database.OpenConnectionAsync(Ct);
            return await AlmanacProcess.RunAsync("backup", file, "--connection", site);
        });
        var refused = await AlmanacProcess.RunAsync("restore", file, "--connection", site);
        var empty = AlmanacProcess.NewDatabase();
        var restored = await AlmanacProcess.RunAsync("restore", file, "--connection", empty);
        var forced = await AlmanacProcess.RunAsync("restore", file, "--force", "--connection", site);

        Assert.Equal(0, backup.ExitCode);
        Assert.True(File.Exists(file));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, restored.ExitCode);
        Assert.Contains("Restored 40 stories", restored.Output, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(
            await SiteDatabase.ReadAsync(site, db => db.Stories.OrderBy(s => s.Slug).Select(s => s.Slug).ToListAsync(Ct)),
            await SiteDatabase.ReadAsync(empty, db => db.Stories.OrderBy(s => s.Slug).Select(s => s.Slug).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNotABackup_IsBadInput()
    {
        var file = SiteDatabase.TempFile("not-a-backup.db");
        await File.WriteAllTextAsync(file, "hello", Ct);

        var (exitCode, _) = await AlmanacProcess.RunAsync("restore", file, "--connection", AlmanacProcess.NewDatabase());

        Assert.NotEqual(0, exitCode);
    }
}
