using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// Turns NJsonSchema's validation errors (a kind code and a "#/..." path) into sentences a plugin author can act
/// on: what was expected, what was found, which property is unknown or missing. Nested errors (array items,
/// additional properties, allOf) are flattened so each problem is reported at its own path.
/// </summary>
internal static class SchemaErrorTranslator
{
    private const int LongestQuotedValue = 60;

    /// <summary>
    /// Translates <paramref name="errors"/> found in <paramref name="document"/>. <paramref name="root"/> is the
    /// JSONPath of the document itself; <paramref name="patternHints"/> optionally explains a pattern by path
    /// ("expected a SemVer version such as 1.2.0") where the regular expression would mean little to a reader.
    /// </summary>
    public static List<(string JsonPath, string Message)> Translate(
        IEnumerable<ValidationError> errors,
        JToken document,
        string root,
        IReadOnlyDictionary<string, string>? patternHints = null)
    {
        var translated = new List<(string JsonPath, string Message)>();
        foreach (var error in errors)
        {
            Add(error, document, root, patternHints, translated);
        }

        return translated;
    }

    private static void Add(
        ValidationError error,
        JToken document,
        string root,
        IReadOnlyDictionary<string, string>? patternHints,
        List<(string JsonPath, string Message)> translated)
    {
        // Errors that only say "something inside is wrong": report the inner problems at their own paths instead.
        if (error is ChildSchemaValidationError nested
            && error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid
                or ValidationErrorKind.AdditionalPropertiesNotValid or ValidationErrorKind.NotAllOf
            && nested.Errors.Values.Any(children => children.Count > 0))
        {
            foreach (var child in nested.Errors.Values.SelectMany(children => children))
            {
                Add(child, document, root, patternHints, translated);
            }

            return;
        }

        var path = JsonPathText.FromSchemaErrorPath(root, error.Path);
        var message = Expectation(error, path, patternHints);
        if (ReportsFoundValue(error.Kind) && FindValue(document, error.Path) is { } found)
        {
            message += $", found {DescribeValue(found)}";
        }

        translated.Add((path, message));
    }

    private static string Expectation(ValidationError error, string path, IReadOnlyDictionary<string, string>? patternHints)
    {
        var schema = error.Schema?.ActualSchema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => $"required property \"{error.Property}\" is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownProperty(error),
            ValidationErrorKind.StringExpected => "expected a string",
            ValidationErrorKind.NumberExpected => "expected a number",
            ValidationErrorKind.IntegerExpected => "expected an integer",
            ValidationErrorKind.BooleanExpected => "expected true or false",
            ValidationErrorKind.ObjectExpected => "expected an object",
            ValidationErrorKind.ArrayExpected => "expected an array",
            ValidationErrorKind.NullExpected => "expected null",
            ValidationErrorKind.NoTypeValidates => $"expected {DescribeTypes(schema?.Type ?? JsonObjectType.None)}",
            ValidationErrorKind.PatternMismatch => patternHints is not null && patternHints.TryGetValue(path, out var hint)
                ? hint
                : $"expected a string matching the pattern {schema?.Pattern}",
            ValidationErrorKind.StringTooShort => $"expected at least {schema?.MinLength} characters",
            ValidationErrorKind.StringTooLong => $"expected at most {schema?.MaxLength} characters",
            ValidationErrorKind.NumberTooSmall => LowerBound(schema),
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => UpperBound(schema),
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => $"expected a multiple of {Number(schema?.MultipleOf)}",
            ValidationErrorKind.NotInEnumeration => $"expected one of {DescribeEnumeration(schema)}",
            ValidationErrorKind.TooManyItems => $"expected at most {schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"expected at least {schema?.MinItems} items",
            ValidationErrorKind.ItemsNotUnique => "expected every item to be different",
            ValidationErrorKind.TooManyItemsInTuple => $"expected at most {schema?.Items.Count} items",
            ValidationErrorKind.TooManyProperties => $"expected at most {schema?.MaxProperties} properties",
            ValidationErrorKind.TooFewProperties => $"expected at least {schema?.MinProperties} properties",
            ValidationErrorKind.NotAnyOf => $"expected a value matching at least one of the anyOf alternatives ({Alternatives(error)})",
            ValidationErrorKind.NotOneOf => $"expected a value matching exactly one of the oneOf alternatives ({Alternatives(error)})",
            ValidationErrorKind.ExcludedSchemaValidates => "expected a value that does not match the schema under \"not\"",
            ValidationErrorKind.DateTimeExpected => "expected a date and time such as 2024-01-31T12:00:00Z",
            ValidationErrorKind.DateExpected => "expected a date such as 2024-01-31",
            ValidationErrorKind.TimeExpected => "expected a time such as 12:00:00",
            ValidationErrorKind.TimeSpanExpected => "expected a duration such as 01:30:00",
            ValidationErrorKind.UriExpected => "expected a URI",
            ValidationErrorKind.IpV4Expected => "expected an IPv4 address",
            ValidationErrorKind.IpV6Expected => "expected an IPv6 address",
            ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected => "expected a UUID",
            ValidationErrorKind.EmailExpected => "expected an e-mail address",
            ValidationErrorKind.HostnameExpected => "expected a host name",
            ValidationErrorKind.Base64Expected => "expected base64 text",
            _ => $"does not satisfy the schema ({error.Kind})",
        };
    }

    private static bool ReportsFoundValue(ValidationErrorKind kind) =>
        kind is not (ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed);

    private static string UnknownProperty(ValidationError error)
    {
        var allowed = error.Schema?.ActualSchema.ActualProperties.Keys.ToArray() ?? [];
        return allowed.Length == 0
            ? $"unknown property \"{error.Property}\""
            : $"unknown property \"{error.Property}\"; allowed properties are {string.Join(", ", allowed)}";
    }

    private static string LowerBound(JsonSchema? schema)
    {
        if (schema?.ExclusiveMinimum is { } exclusive)
        {
            return $"expected a value greater than {Number(exclusive)}";
        }

        return schema?.IsExclusiveMinimum == true
            ? $"expected a value greater than {Number(schema.Minimum)}"
            : $"expected a value of at least {Number(schema?.Minimum)}";
    }

    private static string UpperBound(JsonSchema? schema)
    {
        if (schema?.ExclusiveMaximum is { } exclusive)
        {
            return $"expected a value less than {Number(exclusive)}";
        }

        return schema?.IsExclusiveMaximum == true
            ? $"expected a value less than {Number(schema.Maximum)}"
            : $"expected a value of at most {Number(schema?.Maximum)}";
    }

    private static string Alternatives(ValidationError error)
    {
        if (error is not ChildSchemaValidationError nested)
        {
            return "none matched";
        }

        // One short reason per alternative, so the reader sees why each branch refused the value.
        var reasons = nested.Errors.Values
            .Select(children => children.Count == 0
                ? "matched"
                : string.Join(" and ", children.Select(child => Expectation(child, string.Empty, patternHints: null))));
        return string.Join("; ", reasons.Select((reason, index) => $"{index + 1}: {reason}"));
    }

    private static string DescribeEnumeration(JsonSchema? schema)
    {
        if (schema is null || schema.Enumeration.Count == 0)
        {
            return "the allowed values";
        }

        return string.Join(", ", schema.Enumeration.Select(value => value is null ? "null" : JsonConvert.SerializeObject(value)));
    }

    private static string DescribeTypes(JsonObjectType type)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[]
                 {
                     (JsonObjectType.String, "a string"), (JsonObjectType.Number, "a number"), (JsonObjectType.Integer, "an integer"),
                     (JsonObjectType.Boolean, "true or false"), (JsonObjectType.Object, "an object"), (JsonObjectType.Array, "an array"),
                     (JsonObjectType.Null, "null"),
                 })
        {
            if (type.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names.Count == 0 ? "a value of another type" : string.Join(" or ", names);
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static JToken? FindValue(JToken document, string? schemaPath)
    {
        var relative = JsonPathText.RelativeSchemaErrorPath(schemaPath);
        if (relative.Length == 0)
        {
            return document;
        }

        try
        {
            return document.SelectToken(relative, errorWhenNoMatch: false);
        }
        catch (JsonException)
        {
            // Names with brackets or quotes make NJsonSchema's unescaped path ambiguous; the message then omits the value.
            return null;
        }
    }

    /// <summary>How a found value is quoted in messages: scalars as JSON, containers by their type.</summary>
    public static string DescribeValue(JToken value) => value.Type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => Shorten(value.ToString(Formatting.None)),
        _ => value.ToString(Formatting.None),
    };

    private static string Shorten(string quoted) =>
        quoted.Length <= LongestQuotedValue ? quoted : string.Concat(quoted.AsSpan(0, LongestQuotedValue - 4), "...\"");
}
