using Microsoft.Extensions.Options;

namespace Reach.Testing;

/// <summary>Options for classes built by hand in tests.</summary>
public static class TestOptions
{
    public static IOptionsMonitor<T> Monitor<T>(T value) where T : class => new Fixed<T>(value);

    private sealed class Fixed<T>(T value) : IOptionsMonitor<T> where T : class
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
