using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PluginBot.Server;

/// <summary>
/// Reads a request body field by field instead of binding it, so every mistake becomes a 400 naming the field and
/// what it should hold, rather than a serializer message about types.
/// </summary>
internal sealed class JsonBody
{
    private readonly JsonElement root;

    private JsonBody(JsonElement root)
    {
        this.root = root;
    }

    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new RequestProblem("(body)", "a JSON object");
            }

            return new JsonBody(document.RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new RequestProblem("(body)", "a JSON object (the body is not valid JSON)");
        }
    }

    public string RequiredString(string field)
    {
        if (!TryGet(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw new RequestProblem(field, "a non-empty string");
        }

        return value.GetString()!;
    }

    public TEnum RequiredEnum<TEnum>(string field)
        where TEnum : struct, Enum
    {
        var names = string.Join(", ", Enum.GetNames<TEnum>());
        if (!TryGet(field, out var value) || value.ValueKind != JsonValueKind.String
            || !Enum.TryParse<TEnum>(value.GetString(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)
            || int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            throw new RequestProblem(field, $"one of {names}");
        }

        return parsed;
    }

    public decimal? OptionalDecimal(string field)
    {
        if (!TryGet(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            throw new RequestProblem(field, "a number");
        }

        return number;
    }

    public IReadOnlyList<string>? OptionalStringList(string field)
    {
        if (!TryGet(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new RequestProblem(field, "an array of non-empty strings");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw new RequestProblem(field, "an array of non-empty strings");
            }

            items.Add(item.GetString()!);
        }

        return items;
    }

    private bool TryGet(string field, out JsonElement value)
    {
        // Field names are matched case-insensitively, like the API's JSON output options read them.
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, field, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
