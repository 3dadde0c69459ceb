using System.Collections.Concurrent;
using NodaTime;
using Reach.Content.Storage;

namespace Reach.Notifications.Delivery;

/// <summary>Each organisation's time zone from its published content, read again every few minutes.</summary>
public sealed class OrganisationZones(IContentStore content, TimeProvider timeProvider)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (DateTimeZone Zone, DateTimeOffset Until)> zones = new(StringComparer.Ordinal);

    /// <summary>The organisation's zone; Europe/Brussels when it has no published content.</summary>
    public async Task<DateTimeZone> ZoneAsync(string organisationId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (zones.TryGetValue(organisationId, out var known) && known.Until > now)
        {
            return known.Zone;
        }

        var published = await content.GetPublishedAsync(organisationId, cancellationToken);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(published?.Content.Organisation.TimeZone ?? "Europe/Brussels")
            ?? DateTimeZoneProviders.Tzdb["Europe/Brussels"];
        zones[organisationId] = (zone, now + Keep);
        return zone;
    }
}
