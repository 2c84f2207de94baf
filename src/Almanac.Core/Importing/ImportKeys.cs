using System.Security.Cryptography;
using System.Text;

namespace Almanac.Core.Importing;

public static class ImportKeys
{
    /// <summary>A source id that fits the key column: the text itself, or a hash of it when too long.</summary>
    public static string Fit(string id) =>
        id.Length <= ImportedRecord.MaxSourceIdLength ? id : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
