using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reach.Testing.Fakes;

/// <summary>The Bot API envelopes, written in the server's key order.</summary>
internal static class FakeTelegramEnvelope
{
    public static string Ok(Action<Utf8JsonWriter> writeResult, string? description = null) => Json(w =>
    {
        w.WriteBoolean("ok", true);
        w.WritePropertyName("result");
        writeResult(w);
        if (description is not null)
        {
            w.WriteString("description", description);
        }
    });

    /// <summary>An error in the server's key order: ok, error_code, description, parameters (JsonQueryError, Query.h).</summary>
    public static string Error(int code, string description, int? retryAfter = null) => Json(w =>
    {
        w.WriteBoolean("ok", false);
        w.WriteNumber("error_code", code);
        w.WriteString("description", description);
        if (retryAfter is { } seconds)
        {
            w.WriteStartObject("parameters");
            w.WriteNumber("retry_after", seconds);
            w.WriteEndObject();
        }
    });

    private static string Json(Action<Utf8JsonWriter> writeProperties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
