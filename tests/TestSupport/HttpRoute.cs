using System.Text;
using System.Text.RegularExpressions;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace TocMesh.TestSupport;

/// <summary>
/// A method's JSON route, read from its <c>google.api.http</c> option: builds an HTTP request from a
/// generated message (path variables, query parameters for a GET, the JSON body for a POST or PATCH).
/// </summary>
public sealed partial class HttpRoute
{
    private readonly MethodDescriptor _method;
    private readonly HttpMethod _verb;
    private readonly string _template;
    private readonly bool _body;

    private HttpRoute(MethodDescriptor method, HttpMethod verb, string template, bool body)
    {
        _method = method;
        _verb = verb;
        _template = template;
        _body = body;
    }

    /// <summary>The route of <paramref name="method"/>, or null when it has none (gRPC only).</summary>
    public static HttpRoute? For(MethodDescriptor method)
    {
        var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
        return rule?.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => new(method, HttpMethod.Get, rule.Get, false),
            HttpRule.PatternOneofCase.Delete => new(method, HttpMethod.Delete, rule.Delete, false),
            HttpRule.PatternOneofCase.Post => new(method, HttpMethod.Post, rule.Post, rule.Body.Length > 0),
            HttpRule.PatternOneofCase.Patch => new(method, HttpMethod.Patch, rule.Patch, rule.Body.Length > 0),
            HttpRule.PatternOneofCase.Put => new(method, HttpMethod.Put, rule.Put, rule.Body.Length > 0),
            _ => null,
        };
    }

    public HttpRequestMessage Request(GeneratedInput input, InputKind kind)
    {
        var message = input.Message(_method.InputType, kind == InputKind.RandomBytes ? InputKind.Plausible : kind);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var path = Variable().Replace(_template, m =>
        {
            var field = m.Groups["field"].Value;
            bound.Add(field.Split('.')[0]);
            // A NUL in a path never reaches the service (Kestrel answers 400; the test server throws).
            var value = GeneratedInput.TextAt(message, field).Replace("\0", "", StringComparison.Ordinal);
            var segment = Uri.EscapeDataString(value.Length == 0 ? "x" : value.Split('/')[^1]);
            var pattern = m.Groups["pattern"].Success ? m.Groups["pattern"].Value : "*";
            return pattern == "**" ? Uri.EscapeDataString(value.Length == 0 ? "x" : value) : pattern.Replace("*", segment, StringComparison.Ordinal);
        });

        var query = new StringBuilder();
        if (kind == InputKind.RandomBytes && !_body)
        {
            var bytes = new byte[input.Random.Next(0, 512)];
            input.Random.NextBytes(bytes);
            query.Append(Uri.EscapeDataString(Encoding.Latin1.GetString(bytes))).Append("=1");
        }
        else if (!_body)
        {
            foreach (var field in _method.InputType.Fields.InFieldNumberOrder().Where(f => !bound.Contains(f.Name)))
            {
                Parameters(query, input.Random.Next(2) == 0 ? field.Name : field.JsonName, field, field.Accessor.GetValue(message));
            }
        }

        var request = new HttpRequestMessage(_verb, path + (query.Length > 0 ? "?" + query : ""));
        if (_body)
        {
            request.Content = kind == InputKind.RandomBytes
                ? new ByteArrayContent(input.Request(_method, kind)) { Headers = { ContentType = new("application/json") } }
                : new StringContent(Json(message), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static void Parameters(StringBuilder query, string name, FieldDescriptor field, object? value)
    {
        switch (value)
        {
            case System.Collections.IList list when field.IsRepeated:
                // Enough past any declared bound to be refused, without a URL of megabytes.
                foreach (var item in list.Cast<object>().Take(300))
                {
                    Add(query, name, item);
                }

                break;
            case Google.Type.Date date:
                Add(query, name + ".year", date.Year);
                Add(query, name + ".month", date.Month);
                Add(query, name + ".day", date.Day);
                break;
            case IMessage:
            case null:
                break;
            default:
                Add(query, name, value);
                break;
        }
    }

    private static void Add(StringBuilder query, string name, object value)
    {
        var text = value switch
        {
            bool b => b ? "true" : "false",
            Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        query.Append(query.Length > 0 ? "&" : "").Append(name).Append('=').Append(Uri.EscapeDataString(text));
    }

    private static string Json(IMessage message)
    {
        try
        {
            return JsonFormatter.Default.Format(message);
        }
        catch (InvalidOperationException)
        {
            return "{}"; // a value JSON cannot carry (a timestamp past year 9999); the gRPC case sends it
        }
    }

    [GeneratedRegex(@"\{(?<field>[^}=]+)(=(?<pattern>[^}]*))?\}")]
    private static partial Regex Variable();
}
