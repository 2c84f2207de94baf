using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Almanac.Web.Tests.Hosting;

/// <summary>A real redis-server (Debian's package) on a free loopback port, which a test can stop and start again.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("almanac-redis-");

    private Process? process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Connection => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run ./test.sh, which installs Debian's redis-server package.");
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new RedisServer(port);
        await server.StartAgainAsync();
        return server;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder.FullName })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (int i = 0; i < 100; i++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{Connection},connectTimeout=200");
                await probe.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not start on port {Port}.");
    }

    /// <summary>Stops the server at once; its data is gone.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
        File.Delete(Path.Combine(folder.FullName, "dump.rdb"));
    }

    /// <summary>Stops the server after writing its data to disk; <see cref="StartAgainAsync"/> loads it back.</summary>
    public async Task StopKeepingDataAsync()
    {
        try
        {
            await ExecuteAsync("SHUTDOWN", "SAVE");
        }
        catch (RedisException)
        {
            // The server closes the connection as it goes.
        }

        await process!.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    /// <summary>The keys the output cache keeps under a prefix.</summary>
    public async Task<int> CountKeysAsync(string prefix)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(Connection);
        return admin.GetServer(Connection).Keys(pattern: prefix + "*").Count();
    }

    /// <summary>Runs a command on an admin connection, e.g. <c>CLIENT PAUSE 2000 WRITE</c>.</summary>
    public async Task ExecuteAsync(string command, params object[] args)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(Connection);
        await admin.GetDatabase().ExecuteAsync(command, args);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        folder.Delete(recursive: true);
    }
}
