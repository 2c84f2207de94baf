using Microsoft.Extensions.Options;

namespace Almanac.Core.Tests.Calendar;

/// <summary>An options monitor whose value a test sets, as the settings page does at run time.</summary>
public sealed class SettableOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
