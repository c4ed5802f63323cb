using System.Collections;
using Buf.Validate;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace TocMesh.TestSupport;

/// <summary>
/// Requests made from a method's descriptor alone (field types and the <c>buf.validate</c> bounds the
/// contract declares), so a new method or field is covered without a line of test code: see
/// <see cref="InputKind"/> for what each kind holds. Deterministic for a seed.
/// </summary>
public sealed class GeneratedInput(int seed)
{
    /// <summary>What a string without a declared bound is filled to.</summary>
    public const int UnboundedString = 1000;

    /// <summary>How many copies of one value an oversized list gets (as in the 1.4 MB request of issue 13).</summary>
    public const int FloodCopies = 200_000;

    private static readonly string[] Odd =
    [
        "\u202EMEX\u202C", "\u200F\u05D0\u05D1\u200E", "M\u200BE\u200DX", "\uFEFFPER", "e\u0301\u0302\u0303",
        "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466", "\u0000", "\u2028\u2029", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629",
        "Z" + new string('\u0336', 500), "\uFFFD\uFFFF", "%00../..\\", "\U00010348\U0001D11E",
    ];

    private static readonly string[] Plausible = ["MEX", "PER", "untoc", "gtdot-ii", "contacts/1", "x", "en", "2009", "bank-secrecy"];

    private readonly Random _random = new(seed);

    /// <summary>The random source, for callers that pick methods, kinds and callers from the same seed.</summary>
    public Random Random => _random;

    /// <summary>A request for <paramref name="method"/> of <paramref name="kind"/>, as bytes (the wire form).</summary>
    public byte[] Request(MethodDescriptor method, InputKind kind)
    {
        if (kind == InputKind.RandomBytes)
        {
            var bytes = new byte[_random.Next(0, 4096)];
            _random.NextBytes(bytes);
            return bytes;
        }

        return Message(method.InputType, kind, depth: 0).ToByteArray();
    }

    /// <summary>A message of <paramref name="type"/> of <paramref name="kind"/>.</summary>
    public IMessage Message(MessageDescriptor type, InputKind kind, int depth = 0)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        if (kind == InputKind.Empty || depth > 3)
        {
            return message;
        }

        var flooded = false;
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            var rules = field.GetOptions()?.GetExtension(ValidateExtensions.Field);
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                var max = (int)(rules?.Repeated?.MaxItems ?? 20);
                var count = kind switch
                {
                    InputKind.Plausible or InputKind.ExtremeDates or InputKind.OddUnicode => _random.Next(1, 4),
                    InputKind.Oversized when depth == 0 && !flooded && field.FieldType == FieldType.String => FloodCopies,
                    InputKind.Oversized => max + 1,
                    // Nested records stay small, so that one request is not megabytes of them.
                    _ when depth > 0 || field.FieldType == FieldType.Message => Math.Min(max, 3),
                    _ => max,
                };
                flooded |= count == FloodCopies;
                var same = kind is InputKind.DuplicateHeavy || count == FloodCopies ? Value(field, rules?.Repeated?.Items, InputKind.Plausible, depth) : null;
                var itemKind = kind == InputKind.Oversized && field.FieldType == FieldType.Message ? InputKind.Plausible : kind;
                for (var i = 0; i < count; i++)
                {
                    if ((same ?? Value(field, rules?.Repeated?.Items, itemKind, depth)) is { } value)
                    {
                        list.Add(value);
                    }
                }
            }
            else if (Value(field, rules, kind, depth) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }
        }

        return message;
    }

    private object? Value(FieldDescriptor field, FieldRules? rules, InputKind kind, int depth) => field.FieldType switch
    {
        FieldType.String => Text(rules?.String, kind, depth),
        FieldType.Bool => _random.Next(2) == 0,
        FieldType.Enum => kind == InputKind.Oversized
            ? _random.Next(2) == 0 ? 999 : -1
            : field.EnumType.Values[_random.Next(field.EnumType.Values.Count)].Number,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => (int)Number(rules, kind, int.MinValue, int.MaxValue),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Number(rules, kind, long.MinValue, long.MaxValue),
        FieldType.Message => Nested(field.MessageType, kind, depth),
        _ => null,
    };

    private IMessage? Nested(MessageDescriptor type, InputKind kind, int depth)
    {
        if (type.FullName == Google.Type.Date.Descriptor.FullName)
        {
            return Date(kind);
        }

        if (type.FullName == Timestamp.Descriptor.FullName)
        {
            return kind == InputKind.ExtremeDates
                ? new Timestamp { Seconds = _random.Next(2) == 0 ? -62135596800 : 253402300799, Nanos = 999_999_999 }
                : Timestamp.FromDateTime(new DateTime(2009, 10, 7, 0, 0, 0, DateTimeKind.Utc));
        }

        if (type.FullName == FieldMask.Descriptor.FullName)
        {
            var mask = new FieldMask();
            var paths = kind == InputKind.Oversized ? 5_000 : _random.Next(0, 4);
            for (var i = 0; i < paths; i++)
            {
                mask.Paths.Add(kind == InputKind.OddUnicode ? Odd[_random.Next(Odd.Length)] : Plausible[_random.Next(Plausible.Length)]);
            }

            return mask;
        }

        return type.File.Package.StartsWith("google.", StringComparison.Ordinal) ? null : Message(type, kind, depth + 1);
    }

    private Google.Type.Date Date(InputKind kind)
    {
        if (kind != InputKind.ExtremeDates)
        {
            return new Google.Type.Date { Year = _random.Next(1990, 2031), Month = _random.Next(1, 13), Day = _random.Next(1, 29) };
        }

        return _random.Next(8) switch
        {
            0 => new Google.Type.Date { Year = 1, Month = 1, Day = 1 },
            1 => new Google.Type.Date { Year = 9999, Month = 12, Day = 31 },
            2 => new Google.Type.Date { Year = 9999, Month = 12 },
            3 => new Google.Type.Date { Year = 10_000, Month = 1, Day = 1 },
            4 => new Google.Type.Date { Year = -1, Month = -1, Day = -1 },
            5 => new Google.Type.Date { Year = 2024, Month = 2, Day = 30 },
            6 => new Google.Type.Date { Year = int.MaxValue, Month = int.MaxValue, Day = int.MaxValue },
            _ => new Google.Type.Date { Year = 1, Month = 1 },
        };
    }

    private string Text(StringRules? rules, InputKind kind, int depth)
    {
        var max = rules is { HasMaxLen: true } ? (int)rules.MaxLen : UnboundedString;
        return kind switch
        {
            InputKind.Plausible or InputKind.DuplicateHeavy or InputKind.ExtremeDates => Plausible[_random.Next(Plausible.Length)],
            InputKind.Boundary => Fill(max),
            InputKind.Oversized => Fill(depth == 0 && _random.Next(4) == 0 ? max * 50 : max + 1),
            InputKind.OddUnicode => _random.Next(3) == 0 ? Odd[_random.Next(Odd.Length)] + Plausible[_random.Next(Plausible.Length)] : Odd[_random.Next(Odd.Length)],
            _ => "",
        };
    }

    private string Fill(int length)
    {
        var c = (char)_random.Next('a', 'z' + 1);
        return new string(c, Math.Max(0, length));
    }

    private long Number(FieldRules? rules, InputKind kind, long min, long max)
    {
        var (low, high) = rules?.TypeCase switch
        {
            FieldRules.TypeOneofCase.Int32 => (rules.Int32.HasGte ? rules.Int32.Gte : min, rules.Int32.HasLte ? rules.Int32.Lte : max),
            FieldRules.TypeOneofCase.Int64 => (rules.Int64.HasGte ? rules.Int64.Gte : min, rules.Int64.HasLte ? rules.Int64.Lte : max),
            _ => (min, max),
        };
        return kind switch
        {
            InputKind.Boundary => _random.Next(2) == 0 ? low : high,
            InputKind.Oversized => _random.Next(3) switch { 0 => min, 1 => max, _ => high < max ? high + 1 : low > min ? low - 1 : max },
            _ => Math.Clamp(_random.Next(0, 20), low, high),
        };
    }

    /// <summary>The value at a dotted field path of <paramref name="message"/> as text, or "" (for URL templates).</summary>
    public static string TextAt(IMessage message, string path)
    {
        object? current = message;
        foreach (var name in path.Split('.'))
        {
            if (current is not IMessage m || m.Descriptor.FindFieldByName(name) is not { } field)
            {
                return "";
            }

            current = field.Accessor.GetValue(m);
        }

        return current?.ToString() ?? "";
    }
}
