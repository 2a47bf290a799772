using System.Reflection;
using System.Text.RegularExpressions;

namespace UniRetail.Web.Requests;

/// <summary>
/// The .NET type a JSON path of a request body lands on (<c>lines[0].quantity</c> of a place-order request is an
/// <c>int</c>), so a value of the wrong kind can be described by what the field takes: the JSON reader names only the
/// record that holds the field.
/// </summary>
public static partial class JsonPathTypes
{
    public static Type? TypeAt(Type? root, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var type = root;
        foreach (Match step in Step().Matches(path))
        {
            if (type is null)
                return null;
            type = step.Groups["index"].Success ? ItemType(type) : Property(type, step.Groups["name"].Value) ?? ValueType(type);
        }
        return type;
    }

    /// <summary>What kind of JSON value a .NET type reads, in words for an error message.</summary>
    public static string Describe(Type? type)
    {
        var t = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (t is null)
            return "a value of another kind";
        if (t == typeof(string))
            return "a string";
        if (t == typeof(bool))
            return "true or false";
        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
            return "a whole number in range";
        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
            return "a number";
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
            return "an ISO 8601 date-time";
        if (ValueType(t) is not null && t.IsGenericType && t.GetGenericArguments().Length == 2)
            return "an object of names and values";
        if (ItemType(t) is not null)
            return "an array";
        return "an object";
    }

    private static Type? Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;

    private static Type? ItemType(Type type)
    {
        if (type.IsArray)
            return type.GetElementType();
        if (type == typeof(string))
            return null;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    /// <summary>The value type of a dictionary keyed by name.</summary>
    private static Type? ValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
        return dictionary?.GetGenericArguments()[1];
    }

    [GeneratedRegex(@"\[(?<index>\d+)\]|(?<name>[^.\[\]]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Step();
}
