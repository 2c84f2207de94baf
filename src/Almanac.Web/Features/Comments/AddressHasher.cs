using System.Net;
using System.Security.Cryptography;
using System.Text;
using Almanac.Core.Comments;
using Microsoft.Extensions.Options;

namespace Almanac.Web.Features.Comments;

/// <summary>
/// Keyed hashes (HMAC-SHA256) of client addresses: a comment keeps the hash, never the address, and
/// without the key the hash cannot be matched against a list of all addresses.
/// </summary>
public sealed partial class AddressHasher
{
    private readonly byte[] key;

    public AddressHasher(IOptions<CommentOptions> options, ILogger<AddressHasher> logger)
    {
        if (options.Value.IpHashKey is { Length: > 0 } configured)
        {
            key = Encoding.UTF8.GetBytes(configured);
        }
        else
        {
            key = RandomNumberGenerator.GetBytes(32);
            LogRandomKey(logger);
        }
    }

    public string Hash(IPAddress? address) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes((address ?? IPAddress.None).ToString())));

    [LoggerMessage(Level = LogLevel.Information, Message = "Comments:IpHashKey is not set: address hashes use a key of this process only.")]
    private static partial void LogRandomKey(ILogger logger);
}
