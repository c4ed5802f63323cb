using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace TocMesh.Deploy.Tests;

/// <summary>The objects one kustomization renders to, read strictly (once per test run).</summary>
public sealed class Manifests
{
    private static readonly ConcurrentDictionary<string, Lazy<Manifests>> Cache = new(StringComparer.Ordinal);

    private Manifests(string folder, IReadOnlyList<object> objects)
    {
        Folder = folder;
        Objects = objects;
    }

    public string Folder { get; }

    public IReadOnlyList<object> Objects { get; }

    public static Manifests Of(string folder) =>
        Cache.GetOrAdd(folder, f => new Lazy<Manifests>(() => new Manifests(f, StrictManifestReader.Read(Kustomize.Render(f))))).Value;

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public V1Deployment Deployment(string name) => Single<V1Deployment>(name);

    public T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata.Name == name)
            ?? throw new Xunit.Sdk.XunitException($"{Folder}: no {typeof(T).Name} named {name}.");

    public T? Find<T>(string name) where T : class, IKubernetesObject<V1ObjectMeta> =>
        All<T>().SingleOrDefault(o => o.Metadata.Name == name);

    /// <summary>The labels of the namespace the objects are in, as the cluster would have them.</summary>
    public IDictionary<string, string> NamespaceLabels(string name)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["kubernetes.io/metadata.name"] = name };
        foreach (var (key, value) in Find<V1Namespace>(name)?.Metadata.Labels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>The settings a container gets from its ConfigMaps (envFrom) and its own env, by name.</summary>
    public IReadOnlyDictionary<string, string> Settings(V1Container container)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom ?? [])
        {
            if (source.ConfigMapRef is { } reference)
            {
                foreach (var (key, value) in Single<V1ConfigMap>(reference.Name).Data ?? new Dictionary<string, string>())
                {
                    settings[key] = value;
                }
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            if (variable.Value is { } value)
            {
                settings[variable.Name] = value;
            }
        }

        return settings;
    }

    public override string ToString() => Folder;
}
