using System.Security.Cryptography;
using Almanac.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Almanac.Web.Tests.Hosting;

/// <summary>A second app node on the same database as another.</summary>
public sealed class SecondNode(TestDatabase shared) : AlmanacApp(shared);

public class SharedKeysTests
{
    [Fact]
    public async Task WhatOneNodeProtects_AnotherNodeOnTheSameDatabaseReads()
    {
        await using var nodeA = new AlmanacApp();
        _ = nodeA.Services;   // starts node A: migrates and fills the database
        await using var nodeB = new SecondNode(nodeA.Database);
        await using var elsewhere = new AlmanacApp();

        var secret = Protector(nodeA).Protect("sign-in of editor 7");

        Assert.Equal("sign-in of editor 7", Protector(nodeB).Unprotect(secret));
        Assert.ThrowsAny<CryptographicException>(() => Protector(elsewhere).Unprotect(secret));
    }

    private static IDataProtector Protector(AlmanacApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Almanac.Tests.SharedKeys");
}
