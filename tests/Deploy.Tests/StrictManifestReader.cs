using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace TocMesh.Deploy.Tests;

/// <summary>
/// Reads rendered manifests into the Kubernetes object models of the KubernetesClient package and
/// fails on anything the API server would refuse for its form: an unknown apiVersion/kind, a field
/// the object does not have, a value of the wrong type (a quoted number where an integer belongs
/// included: each object is written back and compared with what the YAML said), a malformed
/// quantity.
/// </summary>
public static class StrictManifestReader
{
    public static IReadOnlyList<object> Read(string yaml)
    {
        List<object> objects;
        try
        {
            objects = KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);
        }
        catch (Exception e) when (e is YamlDotNet.Core.YamlException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ManifestSchemaException($"Not a valid Kubernetes object: {Describe(e)}", e);
        }

        var documents = YamlJson.Documents(yaml).Where(d => d is not null).ToList();
        if (documents.Count != objects.Count)
        {
            throw new ManifestSchemaException($"{documents.Count} YAML documents were read as {objects.Count} objects.");
        }

        for (var i = 0; i < objects.Count; i++)
        {
            var written = JsonNode.Parse(KubernetesJson.Serialize(objects[i]));
            var differences = new List<string>();
            Compare(documents[i], written, "", differences);
            if (differences.Count > 0)
            {
                var name = documents[i]?["metadata"]?["name"]?.GetValue<string>() ?? "(no name)";
                throw new ManifestSchemaException(
                    $"{documents[i]?["kind"]} {name} does not match its schema: {string.Join("; ", differences)}");
            }
        }

        return objects;
    }

    private static void Compare(JsonNode? manifest, JsonNode? model, string path, List<string> differences)
    {
        switch (manifest)
        {
            case null when model is null:
                return;
            case null:
                differences.Add($"{path}: null in the manifest");
                return;
            case JsonObject fields when model is JsonObject modelFields:
                foreach (var (key, value) in fields)
                {
                    if (!modelFields.ContainsKey(key))
                    {
                        differences.Add($"{path}/{key}: not a field of the object, or null");
                        continue;
                    }

                    Compare(value, modelFields[key], $"{path}/{key}", differences);
                }

                foreach (var (key, _) in modelFields.Where(f => !fields.ContainsKey(f.Key)))
                {
                    differences.Add($"{path}/{key}: added by the model");
                }

                return;
            case JsonArray items when model is JsonArray modelItems:
                if (items.Count != modelItems.Count)
                {
                    differences.Add($"{path}: {items.Count} items, {modelItems.Count} after reading");
                    return;
                }

                for (var i = 0; i < items.Count; i++)
                {
                    Compare(items[i], modelItems[i], $"{path}/{i}", differences);
                }

                return;
            case JsonValue value when model is JsonValue modelValue && SameValue(value, modelValue):
                return;
            default:
                differences.Add($"{path}: {manifest.ToJsonString()} in the manifest is {model?.ToJsonString() ?? "null"} for the schema");
                return;
        }
    }

    private static bool SameValue(JsonValue manifest, JsonValue model)
    {
        var (kind, modelKind) = (manifest.GetValueKind(), model.GetValueKind());
        if (kind == JsonValueKind.Number && modelKind == JsonValueKind.String)
        {
            // A quantity (cpu: 1) is written as a string; the number said the same.
            return decimal.TryParse(model.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var quantity)
                && quantity == decimal.Parse(manifest.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        if (kind != modelKind)
        {
            return false;
        }

        return kind == JsonValueKind.Number
            ? decimal.Parse(manifest.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(model.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : manifest.ToJsonString() == model.ToJsonString();
    }

    private static string Describe(Exception e) =>
        e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message;
}
