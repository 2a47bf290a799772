using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using UniRetail.Kernel;

namespace UniRetail.Web.Requests;

/// <summary>
/// Rejects a JSON body with <c>null</c> where an item belongs (<c>"lines": [null]</c>, <c>"openingHours": {"monday": null}</c>)
/// before the handler runs, naming the path (<c>lines[0]</c>). Request types say an item of a list or a value of a map
/// is never null; the JSON reader cannot enforce that for collection items, so every request body is walked once
/// (linear in its size) after binding.
/// </summary>
public static class NullItems
{
    private static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]> Members = new();

    /// <summary>An endpoint filter factory that checks every bound argument of a UniRetail request type.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var checkedArguments = context.MethodInfo.GetParameters()
            .Select((p, i) => (p, i)).Where(x => IsBody(x.p.ParameterType)).Select(x => x.i).ToArray();
        if (checkedArguments.Length == 0)
            return next;
        return async invocation =>
        {
            foreach (var index in checkedArguments)
            {
                if (invocation.Arguments[index] is { } argument && Find(argument, "") is { } path)
                    return Error.Validation(RequestErrors.NullItem, $"'{path}' is null; leave the item out instead.", path).ToProblem();
            }
            return await next(invocation);
        };
    }

    /// <summary>The path of the first null item or map value below <paramref name="value"/>, or null when there is none.</summary>
    public static string? Find(object value, string path)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case string or JsonElement:
                return null;
            case IDictionary map:
                foreach (DictionaryEntry entry in map)
                {
                    var at = Join(path, entry.Key.ToString() ?? "");
                    if (entry.Value is null)
                        return at;
                    if (Find(entry.Value, at) is { } inner)
                        return inner;
                }
                return null;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    var at = $"{path}[{index++}]";
                    if (item is null)
                        return at;
                    if (Find(item, at) is { } inner)
                        return inner;
                }
                return null;
        }
        if (!IsRequestType(value.GetType()))
            return null;
        foreach (var (name, get) in Members.GetOrAdd(value.GetType(), MembersOf))
        {
            if (get(value) is { } member && Find(member, Join(path, name)) is { } inner)
                return inner;
        }
        return null;
    }

    /// <summary>A request body: the house names every body type <c>…Request</c>.</summary>
    private static bool IsBody(Type type) => IsRequestType(type) && type.Name.EndsWith("Request", StringComparison.Ordinal);

    private static bool IsRequestType(Type type) => type.IsClass && type.Namespace?.StartsWith("UniRetail.", StringComparison.Ordinal) == true;

    private static (string, Func<object, object?>)[] MembersOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(string) && !p.PropertyType.IsValueType)
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), (Func<object, object?>)p.GetValue))
            .ToArray();

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
