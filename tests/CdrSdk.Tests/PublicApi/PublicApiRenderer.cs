using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace CdrSdk.Tests.PublicApi;

/// <summary>
/// Renders the public surface of an assembly as C#-like text, one declaration per line, sorted: types with their
/// modifiers, base types, interfaces and generic constraints; constructors, methods, properties (with their
/// accessors), fields, events and enum values, each with nullability annotations. Anything a consumer can see or
/// override (public and protected members of public types) is included; nothing else.
/// </summary>
internal static class PublicApiRenderer
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Render(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(TypeDeclaration(type)).Append('\n');
            var members = type.IsEnum ? Members(type) : Members(type).Order(StringComparer.Ordinal);
            foreach (var member in members)
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string TypeDeclaration(Type type)
    {
        var parts = new List<string> { "public" };
        string kind;
        if (type.IsEnum)
        {
            kind = "enum";
        }
        else if (type.IsInterface)
        {
            kind = "interface";
        }
        else if (type.IsValueType)
        {
            kind = IsRecord(type) ? "record struct" : "struct";
            if (type.IsDefined(typeof(IsReadOnlyAttribute)))
            {
                parts.Add("readonly");
            }
        }
        else if (type.IsSubclassOf(typeof(Delegate)))
        {
            kind = "delegate";
        }
        else
        {
            kind = IsRecord(type) ? "record" : "class";
            if (type is { IsAbstract: true, IsSealed: true })
            {
                parts.Add("static");
            }
            else if (type.IsAbstract)
            {
                parts.Add("abstract");
            }
            else if (type.IsSealed)
            {
                parts.Add("sealed");
            }
        }

        parts.Add(kind);
        var name = type.FullName!.Replace('+', '.');
        name = type.IsGenericType ? name[..name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(a => a.Name)) + ">" : name;
        parts.Add(name);
        var bases = new List<string>();
        if (type.IsEnum)
        {
            bases.Add(Name(Enum.GetUnderlyingType(type)));
        }
        else if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && !type.IsSubclassOf(typeof(Delegate)))
        {
            bases.Add(Name(baseType));
        }

        if (!type.IsEnum)
        {
            bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).Order(StringComparer.Ordinal));
        }
        var declaration = string.Join(' ', parts) + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
        return declaration + Constraints(type.IsGenericType ? type.GetGenericArguments() : []);
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        var context = new NullabilityInfoContext();
        foreach (var constructor in type.GetConstructors(Declared).Where(IsVisible))
        {
            yield return $"{Access(constructor)} ctor({Parameters(constructor, context)})";
        }

        foreach (var method in type.GetMethods(Declared).Where(m => IsVisible(m) && !m.IsSpecialName && !m.Name.Contains('<', StringComparison.Ordinal)))
        {
            yield return Method(method, context);
        }

        foreach (var method in type.GetMethods(Declared).Where(m => IsVisible(m) && m.IsSpecialName && m.Name.StartsWith("op_", StringComparison.Ordinal)))
        {
            yield return Method(method, context);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var accessors = new[] { property.GetMethod, property.SetMethod }.Where(a => a is not null && IsVisible(a)).ToList();
            if (accessors.Count == 0)
            {
                continue;
            }

            var nullability = context.Create(property);
            var getter = property.GetMethod is { } g && IsVisible(g) ? "get; " : string.Empty;
            var setter = property.SetMethod is { } s && IsVisible(s)
                ? (s.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) ? "init; " : "set; ")
                : string.Empty;
            var indexer = property.GetIndexParameters() is { Length: > 0 } index
                ? "this[" + string.Join(", ", index.Select(p => Type(p.ParameterType, context.Create(p)) + " " + p.Name)) + "]"
                : property.Name;
            var required = property.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : string.Empty;
            yield return $"{Access(accessors[0]!)} {Modifiers(accessors[0]!)}{required}{Type(property.PropertyType, nullability)} {indexer} {{ {getter}{setter}}}";
        }

        foreach (var field in type.GetFields(Declared).Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly))
        {
            var modifiers = field.IsLiteral ? "const " : (field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty);
            var value = field.IsLiteral ? " = " + DefaultValue(field.GetRawConstantValue(), field.FieldType) : string.Empty;
            yield return $"{(field.IsPublic ? "public" : "protected")} {modifiers}{Type(field.FieldType, context.Create(field))} {field.Name}{value}";
        }

        foreach (var @event in type.GetEvents(Declared).Where(e => e.AddMethod is { } add && IsVisible(add)))
        {
            yield return $"{Access(@event.AddMethod!)} event {Name(@event.EventHandlerType!)} {@event.Name}";
        }
    }

    private static string Method(MethodInfo method, NullabilityInfoContext context)
    {
        var generic = method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
        var returns = Type(method.ReturnType, context.Create(method.ReturnParameter));
        return $"{Access(method)} {Modifiers(method)}{returns} {method.Name}{generic}({Parameters(method, context)}){Constraints(method.IsGenericMethod ? method.GetGenericArguments() : [])}";
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext context)
    {
        var extension = method.IsDefined(typeof(ExtensionAttribute));
        return string.Join(", ", method.GetParameters().Select((p, i) =>
        {
            var prefix = i == 0 && extension ? "this " : string.Empty;
            var type = p.ParameterType;
            if (type.IsByRef)
            {
                prefix += p.IsOut ? "out " : p.IsIn ? "in " : "ref ";
                type = type.GetElementType()!;
            }

            if (p.IsDefined(typeof(ParamArrayAttribute)))
            {
                prefix += "params ";
            }

            var text = prefix + Type(type, context.Create(p)) + " " + p.Name;
            return p.HasDefaultValue ? text + " = " + DefaultValue(p.DefaultValue, type) : text;
        }));
    }

    private static string DefaultValue(object? value, Type type) => value switch
    {
        null when type.IsValueType && Nullable.GetUnderlyingType(type) is null => "default",
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private static string Constraints(Type[] arguments)
    {
        var clauses = new List<string>();
        foreach (var argument in arguments)
        {
            var items = new List<string>();
            var attributes = argument.GenericParameterAttributes;
            if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                items.Add("struct");
            }
            else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
            {
                items.Add("class");
            }

            items.AddRange(argument.GetGenericParameterConstraints().Where(c => c != typeof(ValueType)).Select(Name));
            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
            {
                items.Add("new()");
            }

            if (items.Count > 0)
            {
                clauses.Add($" where {argument.Name} : {string.Join(", ", items)}");
            }
        }

        return string.Concat(clauses);
    }

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

    private static string Modifiers(MethodInfo method) =>
        method.IsStatic ? "static "
        : method.DeclaringType!.IsInterface ? (method.IsAbstract ? string.Empty : "default ")
        : method.IsAbstract ? "abstract "
        : method.IsVirtual && !method.IsFinal ? (method.GetBaseDefinition() != method ? "override " : "virtual ")
        : method.IsVirtual && method.GetBaseDefinition() != method ? "sealed override "
        : string.Empty;

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null
        || (type.IsValueType && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static string Type(Type type, NullabilityInfo nullability)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Type(underlying, nullability.GenericTypeArguments.Length > 0 ? nullability.GenericTypeArguments[0] : nullability) + "?";
        }

        string text;
        if (type.IsArray)
        {
            text = Type(type.GetElementType()!, nullability.ElementType ?? nullability) + "[]";
        }
        else if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var arguments = type.GetGenericArguments();
            var annotated = arguments.Select((a, i) => Type(a, i < nullability.GenericTypeArguments.Length ? nullability.GenericTypeArguments[i] : nullability));
            text = BareName(type.GetGenericTypeDefinition()) + "<" + string.Join(", ", annotated) + ">";
        }
        else
        {
            text = Name(type);
        }

        // NullabilityInfoContext reports class-constrained generic parameters as nullable even in a not-null
        // context; the SDK declares no T? in its public surface, so generic parameters are printed as they are.
        return !type.IsValueType && !type.IsGenericParameter && nullability.ReadState == NullabilityState.Nullable ? text + "?" : text;
    }

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var keyword = Keyword(type);
        if (keyword is not null)
        {
            return keyword;
        }

        if (type.IsGenericType)
        {
            var name = BareName(type);
            return type.IsGenericTypeDefinition
                ? name + "<" + string.Join(", ", type.GetGenericArguments().Select(a => a.Name)) + ">"
                : name + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return type.IsArray ? Name(type.GetElementType()!) + "[]" : (type.FullName ?? type.Name).Replace('+', '.');
    }

    /// <summary>A generic type's name without its arguments: <c>System.Collections.Generic.IReadOnlyList</c>.</summary>
    private static string BareName(Type type)
    {
        var definition = type.IsGenericTypeDefinition ? type : type.GetGenericTypeDefinition();
        var name = definition.FullName!.Replace('+', '.');
        return name[..name.IndexOf('`', StringComparison.Ordinal)];
    }

    private static string? Keyword(Type type) =>
        type == typeof(void) ? "void"
        : type == typeof(object) ? "object"
        : type == typeof(string) ? "string"
        : type == typeof(bool) ? "bool"
        : type == typeof(int) ? "int"
        : type == typeof(long) ? "long"
        : type == typeof(double) ? "double"
        : type == typeof(decimal) ? "decimal"
        : type == typeof(byte) ? "byte"
        : type == typeof(char) ? "char"
        : null;
}
