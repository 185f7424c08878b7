import type { Node } from "web-tree-sitter";

/** A string an expression is known to hold before run time, and the environment variable that can override it. */
export interface KnownString {
  text: string;
  env?: string;
}

/** Constants that refer to constants stop here: deep enough for real code, and a guard against `const a = b, b = a`. */
const MAX_DEPTH = 16;

/** TypeScript and grouping wrappers that do not change the value: `(x)`, `x as const`, `x!`, `x satisfies T`, `<T>x`. */
const TRANSPARENT = new Set([
  "parenthesized_expression",
  "as_expression",
  "satisfies_expression",
  "non_null_expression",
  "type_assertion",
]);

/** Scopes whose parameters hide the names of enclosing scopes. */
const FUNCTIONS = new Set([
  "function_declaration",
  "function_expression",
  "function",
  "arrow_function",
  "method_definition",
  "generator_function_declaration",
  "generator_function",
]);

/** Where Node and Vite (and the bundlers that copy it) read the environment. */
const ENV_OBJECTS = new Set(["process.env", "import.meta.env"]);

/** Not found in this scope: look in the enclosing one. Distinct from null, which means found and not a constant. */
const NOT_HERE = undefined;

/**
 * Resolves the expressions of one file to the strings and object literals they hold when that is certain: string
 * literals, constants (a `let` or `var` nobody assigns again counts too), template literals and `+` of known parts,
 * `process.env.X ?? "default"`, and properties of constant object literals. Anything else is run-time state.
 */
export class JsValues {
  private readonly reassigned: Set<string>;

  constructor(private readonly root: Node) {
    this.reassigned = reassignedNames(root);
  }

  stringOf(node: Node, depth = 0): KnownString | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    switch (value.type) {
      case "string":
        return { text: unescapeJs(value.text.slice(1, -1)) };
      case "template_string":
        return this.templateOf(value, depth);
      case "binary_expression":
        return this.binaryOf(value, depth);
      case "identifier":
      case "shorthand_property_identifier": {
        const initializer = this.initializerOf(value);
        return initializer ? this.stringOf(initializer, depth + 1) : null;
      }
      case "member_expression":
      case "subscript_expression": {
        const property = this.memberOf(value, depth);
        return property ? this.stringOf(property, depth + 1) : null;
      }
      default:
        return null;
    }
  }

  /** The object literal an expression holds: written in place, or a constant's. */
  objectOf(node: Node, depth = 0): Node | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    if (value.type === "object") return value;
    if (value.type === "identifier" || value.type === "shorthand_property_identifier") {
      const initializer = this.initializerOf(value);
      return initializer ? this.objectOf(initializer, depth + 1) : null;
    }
    if (value.type === "member_expression" || value.type === "subscript_expression") {
      const property = this.memberOf(value, depth);
      return property ? this.objectOf(property, depth + 1) : null;
    }
    return null;
  }

  /** The expression of `key` in an object literal (or in the object a constant holds); the last one wins, as in JS. */
  propertyOf(object: Node, key: string, depth = 0): Node | null {
    const literal = this.objectOf(object, depth + 1);
    if (!literal) return null;
    let found: Node | null = null;
    for (const member of literal.namedChildren) {
      if (member.type === "shorthand_property_identifier" && member.text === key) found = member;
      if (member.type === "pair" && keyName(member.childForFieldName("key")) === key)
        found = member.childForFieldName("value");
    }
    return found;
  }

  private templateOf(template: Node, depth: number): KnownString | null {
    // Raw slices between substitutions, not string_fragment children: the grammars split template text differently.
    let text = "";
    let cursor = template.startIndex + 1;
    for (const part of template.namedChildren) {
      if (part.type !== "template_substitution") continue;
      const inner = part.namedChildren[0];
      const known = inner ? this.stringOf(inner, depth + 1) : null;
      if (!known) return null;
      text += unescapeJs(sliceOf(template, cursor, part.startIndex)) + known.text;
      cursor = part.endIndex;
    }
    return { text: text + unescapeJs(sliceOf(template, cursor, template.endIndex - 1)) };
  }

  private binaryOf(expression: Node, depth: number): KnownString | null {
    const operator = expression.childForFieldName("operator")?.text;
    const left = expression.childForFieldName("left");
    const right = expression.childForFieldName("right");
    if (!left || !right) return null;
    if (operator === "+") {
      const [head, tail] = [this.stringOf(left, depth + 1), this.stringOf(right, depth + 1)];
      return head && tail ? { text: head.text + tail.text } : null;
    }
    if (operator === "??" || operator === "||") {
      // The default of an environment variable is what runs when nobody sets it: the reference, overridable.
      const env = envName(left);
      const fallback = env === null ? null : this.stringOf(right, depth + 1);
      return fallback && env !== null ? { text: fallback.text, env } : null;
    }
    return null;
  }

  /**
   * `CONFIG.model` or `CONFIG["model"]` of a constant object literal; `this.model_id` or `Pipeline.model_id` of a
   * class field, as transformers.js's singleton pattern writes it (`static model_id = "org/name"`).
   */
  private memberOf(member: Node, depth: number): Node | null {
    const object = member.childForFieldName("object");
    const key =
      member.type === "member_expression" ? member.childForFieldName("property")?.text : this.indexOf(member, depth);
    if (!object || key === undefined) return null;
    return this.propertyOf(object, key, depth) ?? this.fieldOf(member, object, key);
  }

  /** A class field's initializer, when nothing in the class assigns the field (`this.model_id = …`) again. */
  private fieldOf(member: Node, object: Node, key: string): Node | null {
    const body = object.type === "this" ? enclosingClassBody(member) : this.classBodyNamed(object);
    if (!body) return null;
    let value: Node | null = null;
    for (const field of body.namedChildren) {
      if (field.type !== "field_definition" && field.type !== "public_field_definition") continue;
      const name = field.childForFieldName("property") ?? field.childForFieldName("name");
      if (name?.text === key) value = field.childForFieldName("value");
    }
    return value && !assignsField(this.root, key) ? value : null;
  }

  private classBodyNamed(identifier: Node): Node | null {
    if (identifier.type !== "identifier") return null;
    const declaration = this.root
      .descendantsOfType("class_declaration")
      .find((candidate) => candidate?.childForFieldName("name")?.text === identifier.text);
    return declaration?.childForFieldName("body") ?? null;
  }

  private indexOf(subscript: Node, depth: number): string | undefined {
    const index = subscript.childForFieldName("index");
    return index ? this.stringOf(index, depth + 1)?.text : undefined;
  }

  /** The initializer of the declaration an identifier refers to, when that binding is never reassigned. */
  private initializerOf(identifier: Node): Node | null {
    const name = identifier.text;
    if (this.reassigned.has(name)) return null;
    for (let scope = identifier.parent; scope; scope = scope.parent) {
      const found = declarationIn(scope, name);
      if (found !== NOT_HERE) return found;
    }
    return null;
  }
}

function enclosingClassBody(node: Node): Node | null {
  for (let scope = node.parent; scope; scope = scope.parent) if (scope.type === "class_body") return scope;
  return null;
}

/** Whether any assignment in the file writes a property named `key` (`this.key = …`, `X.key ??= …`). */
function assignsField(root: Node, key: string): boolean {
  return root.descendantsOfType(["assignment_expression", "augmented_assignment_expression"]).some((assignment) => {
    const left = assignment?.childForFieldName("left");
    return left?.type === "member_expression" && left.childForFieldName("property")?.text === key;
  });
}

/** What `scope` binds `name` to: an initializer, null for a binding of unknown value, NOT_HERE when it binds nothing. */
function declarationIn(scope: Node, name: string): Node | null | typeof NOT_HERE {
  if (FUNCTIONS.has(scope.type)) {
    const parameters = scope.childForFieldName("parameters") ?? scope.childForFieldName("parameter");
    return parameters && binds(parameters, name) ? null : NOT_HERE;
  }
  if (scope.type === "for_in_statement" || scope.type === "for_statement" || scope.type === "catch_clause") {
    const binding =
      scope.childForFieldName("left") ?? scope.childForFieldName("initializer") ?? scope.childForFieldName("parameter");
    return binding && binds(binding, name) ? null : NOT_HERE;
  }
  // Only statement lists (the program, a block, a case) hold declarations among their children.
  for (const statement of scope.namedChildren) {
    const declaration = statement.type === "export_statement" ? statement.childForFieldName("declaration") : statement;
    if (declaration?.type !== "lexical_declaration" && declaration?.type !== "variable_declaration") continue;
    for (const declarator of declaration.namedChildren) {
      const target = declarator.childForFieldName("name");
      if (declarator.type !== "variable_declarator" || !target || !binds(target, name)) continue;
      // A destructured name (`const { MODEL } = process.env`) is bound, but to nothing known here.
      return target.type === "identifier" ? declarator.childForFieldName("value") : null;
    }
  }
  return NOT_HERE;
}

function binds(pattern: Node, name: string): boolean {
  return boundNames(pattern).includes(name);
}

/** The names a binding or assignment target holds: `x`, or every name in a pattern (`{ a, b: [c] }`). */
function boundNames(pattern: Node): string[] {
  if (pattern.type === "identifier") return [pattern.text];
  return pattern
    .descendantsOfType(["identifier", "shorthand_property_identifier_pattern"])
    .flatMap((node) => (node ? [node.text] : []));
}

/** The names an assignment changes: `CONFIG.model = x` changes what CONFIG holds, so CONFIG is no constant either. */
function assignedNames(target: Node): string[] {
  let object = target;
  while (object.type === "member_expression" || object.type === "subscript_expression") {
    const inner = object.childForFieldName("object");
    if (!inner) return [];
    object = inner;
  }
  return object === target ? boundNames(target) : object.type === "identifier" ? [object.text] : [];
}

/** Names assigned after their declaration anywhere in the file (`x = …`, `x += …`, `x++`, `[x] = …`): not constants. */
function reassignedNames(root: Node): Set<string> {
  const names = new Set<string>();
  for (const assignment of root.descendantsOfType([
    "assignment_expression",
    "augmented_assignment_expression",
    "update_expression",
  ])) {
    const target = assignment?.childForFieldName("left") ?? assignment?.childForFieldName("argument");
    for (const name of target ? assignedNames(target) : []) names.add(name);
  }
  return names;
}

/** `X` of `process.env.X`, `process.env["X"]` or `import.meta.env.X` (Vite), else null. */
function envName(node: Node): string | null {
  const value = unwrap(node);
  const object = value.childForFieldName("object");
  if (!object || !ENV_OBJECTS.has(object.text.replace(/\s+/g, ""))) return null;
  if (value.type === "member_expression") return value.childForFieldName("property")?.text ?? null;
  const index = value.type === "subscript_expression" ? value.childForFieldName("index") : null;
  return index?.type === "string" ? unescapeJs(index.text.slice(1, -1)) : null;
}

function keyName(key: Node | null): string | null {
  if (!key) return null;
  if (key.type === "string") return unescapeJs(key.text.slice(1, -1));
  return key.type === "property_identifier" || key.type === "number" ? key.text : null;
}

function unwrap(node: Node): Node {
  let value = node;
  while (TRANSPARENT.has(value.type)) {
    // `<T>x`: the expression is the last named child; the others wrap it first.
    const inner = value.type === "type_assertion" ? value.namedChildren.at(-1) : value.namedChildren[0];
    if (!inner) break;
    value = inner;
  }
  return value;
}

function sliceOf(node: Node, start: number, end: number): string {
  return node.text.slice(start - node.startIndex, end - node.startIndex);
}

const SIMPLE_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0" };

/** The value of a string literal's body: escapes decoded, line continuations dropped. */
function unescapeJs(raw: string): string {
  return raw.replace(
    /\\(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|(\r\n|[\s\S]))/g,
    (_, x?: string, braced?: string, u?: string, other?: string) => {
      const hex = x ?? braced ?? u;
      const point = hex === undefined ? Number.NaN : Number.parseInt(hex, 16);
      // An out-of-range `\u{…}` is a syntax error in JS; kept as written rather than thrown on.
      if (hex !== undefined) return point <= 0x10ffff ? String.fromCodePoint(point) : `\\u{${hex}}`;
      if (other === "\n" || other === "\r\n" || other === "\r") return "";
      return SIMPLE_ESCAPES[other!] ?? other!;
    },
  );
}
