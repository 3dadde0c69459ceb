using System.Data;
using System.Globalization;
using Dapper;

namespace Reach.Content.Storage;

/// <summary>
/// Reads instants the same way from both stores: SQLite keeps them as ISO-8601 text,
/// PostgreSQL as timestamptz (a UTC DateTime through Npgsql).
/// </summary>
internal sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
        parameter.Value = value.ToUniversalTime();

    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset offset => offset,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"Cannot read an instant from a {value.GetType().Name}."),
    };
}
