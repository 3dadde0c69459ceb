namespace Reach.Testing;

/// <summary>A clock tests set and advance by hand. Thread-safe.</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void SetUtcNow(DateTimeOffset value)
    {
        lock (gate)
        {
            now = value.ToUniversalTime();
        }
    }

    public void Advance(TimeSpan delta)
    {
        lock (gate)
        {
            now += delta;
        }
    }
}
