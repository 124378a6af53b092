using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using ProcedureAssistant.Core.Tests.Fakes;

namespace ProcedureAssistant.Core.Tests.Indexing;

/// <summary>
/// Qdrant's official OpenAPI documents (../shared/qdrant/openapi-v{version}.json, read in place), made strict for
/// request validation. The server ignores unknown fields silently, so a misspelt one would never show up in an
/// integration test; here every object that lists its properties rejects any other (additionalProperties: false),
/// and OpenAPI 3.0's <c>nullable</c> becomes JSON Schema's <c>null</c> type (left as is, the spec's many
/// <c>anyOf: [X, {nullable: true}]</c> would accept anything).
/// </summary>
internal sealed class QdrantOpenApiSpec
{
    private static readonly Dictionary<string, Lazy<Task<QdrantOpenApiSpec>>> Loaded =
        Versions.ToDictionary(v => v, v => new Lazy<Task<QdrantOpenApiSpec>>(() => LoadAsync(SpecPath(v))), StringComparer.Ordinal);

    private readonly JsonObject _paths;
    private readonly JsonSchema _schemas;

    private QdrantOpenApiSpec(JsonObject paths, JsonSchema schemas)
    {
        _paths = paths;
        _schemas = schemas;
    }

    /// <summary>The server the tests run against (1.16.3) and the newest spec archived (1.19.0).</summary>
    public static IReadOnlyList<string> Versions => ["1.16.3", "1.19.0"];

    public static string SpecPath(string version) => Path.GetFullPath(Path.Combine(SharedData.RepositoryRoot, "..", "shared", "qdrant", $"openapi-v{version}.json"));

    /// <summary>One version's spec; the test is skipped, saying why, when ../shared is not beside the repository.</summary>
    public static Task<QdrantOpenApiSpec> GetAsync(string version = "1.16.3")
    {
        if (!File.Exists(SpecPath(version)))
        {
            Assert.Skip($"{SpecPath(version)} is not present: the schema tests read Qdrant's OpenAPI spec in place.");
        }

        return Loaded[version].Value;
    }

    /// <summary>Every archived spec, oldest first.</summary>
    public static async Task<IReadOnlyList<QdrantOpenApiSpec>> GetAllAsync()
    {
        var specs = new List<QdrantOpenApiSpec>();
        foreach (var version in Versions)
        {
            specs.Add(await GetAsync(version));
        }

        return specs;
    }

    /// <summary>Errors of one schema of the spec (components/schemas) for a JSON text.</summary>
    public IReadOnlyList<string> ValidateAgainst(string schemaName, string json) =>
        _schemas.Definitions[schemaName].Validate(json).Select(e => e.ToString()).ToList();

    /// <summary>
    /// Everything wrong with a request: an undeclared path or method, an undeclared query parameter, a body where
    /// none is expected (or none where one is), and every schema error of the body.
    /// </summary>
    public IReadOnlyList<string> Validate(RecordedRequest request)
    {
        var errors = new List<string>();
        var template = Template(request.Path);
        if (template is null)
        {
            return [$"{request.Path} is no path of the spec"];
        }

        if (_paths[template]![request.Method.Method.ToLowerInvariant()] is not JsonObject operation)
        {
            return [$"{request.Method} {template} is no operation of the spec"];
        }

        var declared = (operation["parameters"] as JsonArray ?? []).Select(p => (string)p!["name"]!).ToHashSet(StringComparer.Ordinal);
        foreach (var name in request.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => Uri.UnescapeDataString(pair.Split('=')[0])))
        {
            if (!declared.Contains(name))
            {
                errors.Add($"query parameter '{name}' is not declared for {request.Method} {template}");
            }
        }

        var reference = (string?)operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"];
        if (reference is null)
        {
            if (request.Body is not null)
            {
                errors.Add($"{request.Method} {template} takes no body");
            }

            return errors;
        }

        if (request.Body is null)
        {
            errors.Add($"{request.Method} {template} needs a body");
            return errors;
        }

        errors.AddRange(ValidateAgainst(reference.Split('/')[^1], request.Body).Select(e => $"{request.Method} {template}: {e}"));
        return errors;
    }

    /// <summary>The spec's path template a request path falls under; the most literal wins (/collections/aliases before /collections/{collection_name}).</summary>
    public string? Template(string path) =>
        _paths.Select(p => p.Key).Where(t => Matches(t, path)).OrderBy(t => t.Count(c => c == '{')).FirstOrDefault();

    /// <summary>The name of the schema of an operation's request body.</summary>
    public string RequestSchema(HttpMethod method, string template) =>
        ((string)_paths[template]![method.Method.ToLowerInvariant()]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!).Split('/')[^1];

    private static bool Matches(string template, string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    private static async Task<QdrantOpenApiSpec> LoadAsync(string path)
    {
        var spec = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        var definitions = new JsonObject();
        foreach (var (name, schema) in spec["components"]!["schemas"]!.AsObject())
        {
            definitions[name] = Strict(schema!);
        }

        var text = new JsonObject { ["definitions"] = definitions }.ToJsonString().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
        return new QdrantOpenApiSpec(spec["paths"]!.AsObject(), await JsonSchema.FromJsonAsync(text));
    }

    private static JsonNode Strict(JsonNode node)
    {
        if (node is JsonArray array)
        {
            return new JsonArray([.. array.Select(item => item is null ? null : Strict(item))]);
        }

        if (node is not JsonObject source)
        {
            return node.DeepClone();
        }

        var schema = new JsonObject();
        foreach (var (key, value) in source)
        {
            schema[key] = value is null ? null : Strict(value);
        }

        if (schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties"))
        {
            schema["additionalProperties"] = false;
        }

        if (schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            schema.Remove("nullable");
            if (schema["type"] is JsonValue type)
            {
                schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                if (schema["enum"] is JsonArray values)
                {
                    values.Add(null);
                }
            }
            else if (schema.ContainsKey("$ref") || schema.ContainsKey("anyOf") || schema.ContainsKey("oneOf") || schema.ContainsKey("allOf"))
            {
                var inner = new JsonObject();
                foreach (var key in schema.Select(p => p.Key).Where(k => k is not ("description" or "default")).ToList())
                {
                    var value = schema[key];
                    schema.Remove(key);
                    inner[key] = value;
                }

                schema["anyOf"] = new JsonArray(inner, new JsonObject { ["type"] = "null" });
            }
            else
            {
                schema["type"] = "null";
            }
        }

        return schema;
    }
}
