//! Generates the C header of the library's C ABI from its Rust sources, so
//! the XS glue never carries a hand-copied prototype.
//!
//! It reads, in every `src/**/*.rs` file:
//! - `pub const SVR_NAME: type = value;` -> `#define SVR_NAME value`
//! - `#[repr(C)] pub struct Name { pub field: Type, ... }` -> a C struct
//! - `pub type Name = unsafe extern "C" fn(...) -> T;` -> a function typedef
//! - `#[no_mangle] pub [unsafe] extern "C" fn name(...) -> T {` -> a prototype
//! Pointers to any other named type become pointers to an opaque struct.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

struct Header {
    opaque: BTreeSet<String>,
    known: BTreeSet<String>, // function pointer typedefs
    defines: Vec<String>,
    structs: Vec<String>,
    typedefs: Vec<String>,
    functions: Vec<String>,
}

fn collect_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_files(&p, out);
        } else if p.extension().map_or(false, |e| e == "rs") {
            out.push(p);
        }
    }
}

/// Splits `a: T, b: U` at top-level commas.
fn split_params(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut depth, mut cur) = (0i32, String::new());
    for ch in s.chars() {
        match ch {
            '(' | '<' => depth += 1,
            ')' | '>' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(cur.trim().to_string());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(ch);
    }
    if !cur.trim().is_empty() {
        parts.push(cur.trim().to_string());
    }
    parts
}

impl Header {
    fn c_type(&mut self, rust: &str) -> String {
        let t = rust.trim();
        if let Some(rest) = t.strip_prefix("*const ") {
            return format!("const {} *", self.c_type(rest));
        }
        if let Some(rest) = t.strip_prefix("*mut ") {
            return format!("{} *", self.c_type(rest));
        }
        if let Some(inner) = t.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
            return self.c_type(inner);
        }
        let last = t.rsplit("::").next().unwrap();
        let mapped = match last {
            "c_int" | "i32" => "int",
            "c_uint" | "u32" => "unsigned int",
            "c_long" => "long",
            "c_ulong" => "unsigned long",
            "c_longlong" | "i64" => "long long",
            "c_ulonglong" | "u64" => "unsigned long long",
            "usize" | "size_t" => "size_t",
            "isize" | "ssize_t" => "ssize_t",
            "c_char" => "char",
            "u8" => "unsigned char",
            "c_void" | "()" => "void",
            "bool" => "bool",
            "f64" | "c_double" => "double",
            other => {
                if !self.known.contains(other) {
                    self.opaque.insert(other.to_string());
                }
                return other.to_string();
            }
        };
        mapped.to_string()
    }

    fn c_decl(&mut self, rust_ty: &str, name: &str) -> String {
        let c = self.c_type(rust_ty);
        if c.ends_with('*') {
            format!("{c}{name}")
        } else {
            format!("{c} {name}")
        }
    }

    fn params(&mut self, args: &str) -> String {
        let parts = split_params(args);
        if parts.is_empty() {
            return "void".into();
        }
        parts
            .iter()
            .enumerate()
            .map(|(i, p)| match p.split_once(':') {
                Some((n, t)) if !n.contains('(') => {
                    let n = n.trim().trim_start_matches("mut ").trim_start_matches('_');
                    let n = if n.is_empty() { format!("arg{i}") } else { n.to_string() };
                    self.c_decl(t, &n)
                }
                _ => self.c_type(p),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn ret(&mut self, ret: Option<&str>) -> String {
        match ret {
            Some(r) => self.c_type(r),
            None => "void".into(),
        }
    }
}

/// Parses `(args) -> ret` out of `fn name(args) -> ret {` (or `;`).
fn fn_parts(sig: &str) -> (String, String, Option<String>) {
    let open = sig.find('(').unwrap();
    let name = sig[..open].split_whitespace().last().unwrap_or("").to_string();
    let mut depth = 0;
    let mut close = open;
    for (i, ch) in sig[open..].char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = open + i;
                    break;
                }
            }
            _ => {}
        }
    }
    let args = sig[open + 1..close].to_string();
    let rest = sig[close + 1..].trim();
    let ret = rest
        .strip_prefix("->")
        .map(|r| r.trim_end_matches(['{', ';']).trim().to_string())
        .filter(|r| !r.is_empty() && r != "()");
    (name, args, ret)
}

pub fn generate(src: &Path) -> String {
    let mut files = Vec::new();
    collect_files(src, &mut files);
    let mut h = Header {
        opaque: BTreeSet::new(),
        known: BTreeSet::new(),
        defines: Vec::new(),
        structs: Vec::new(),
        typedefs: Vec::new(),
        functions: Vec::new(),
    };
    let texts: Vec<String> = files.iter().map(|f| fs::read_to_string(f).unwrap()).collect();
    // First pass: function typedef names are not opaque structs.
    for text in &texts {
        for line in text.lines() {
            let l = line.trim();
            for prefix in ["pub type "] {
                if let Some(rest) = l.strip_prefix(prefix) {
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    h.known.insert(name);
                }
            }
        }
    }
    for text in &texts {
        let lines: Vec<&str> = text.lines().collect();
        let mut i = 0;
        let mut repr_c = false;
        let mut no_mangle = false;
        while i < lines.len() {
            let l = lines[i].trim();
            if l.starts_with("#[repr(C)]") {
                repr_c = true;
            } else if l.starts_with("#[no_mangle]") {
                no_mangle = true;
            } else if l.starts_with("pub const SVR_") {
                let body = l.trim_start_matches("pub const ").trim_end_matches(';');
                let (name, rest) = body.split_once(':').unwrap();
                let value = rest.split_once('=').unwrap().1.trim();
                h.defines.push(format!("#define {} ({})", name.trim(), value));
            } else if l.starts_with("pub type ") && l.contains("extern \"C\" fn") {
                let mut sig = l.to_string();
                while !sig.ends_with(';') {
                    i += 1;
                    sig.push(' ');
                    sig.push_str(lines[i].trim());
                }
                let name = sig["pub type ".len()..].split(['=', ' ']).next().unwrap().to_string();
                let fnpart = &sig[sig.find("fn").unwrap()..];
                let (_, args, ret) = fn_parts(&format!("{name}{}", &fnpart[2..]));
                let r = h.ret(ret.as_deref());
                let p = h.params(&args);
                h.typedefs.push(format!("typedef {r} (*{name})({p});"));
            } else if repr_c && l.starts_with("pub struct ") {
                let name = l["pub struct ".len()..].trim_end_matches('{').trim().to_string();
                let mut fields = Vec::new();
                i += 1;
                while !lines[i].trim().starts_with('}') {
                    let f = lines[i].trim().trim_end_matches(',');
                    if let Some(f) = f.strip_prefix("pub ") {
                        let (n, t) = f.split_once(':').unwrap();
                        fields.push(format!("    {};", h.c_decl(t, n.trim())));
                    }
                    i += 1;
                }
                h.opaque.insert(name.clone());
                h.structs.push(format!("struct {name} {{\n{}\n}};", fields.join("\n")));
                repr_c = false;
            } else if no_mangle && l.starts_with("pub ") && l.contains("extern \"C\" fn ") {
                let mut sig = l.to_string();
                while !sig.trim_end().ends_with('{') {
                    i += 1;
                    sig.push(' ');
                    sig.push_str(lines[i].trim());
                }
                let (name, args, ret) = fn_parts(&sig);
                if name.starts_with("boot_") {
                    // Perl's entry point: declared by the XS glue itself.
                    no_mangle = false;
                    i += 1;
                    continue;
                }
                let r = h.ret(ret.as_deref());
                let p = h.params(&args);
                let sep = if r.ends_with('*') { "" } else { " " };
                h.functions.push(format!("{r}{sep}{name}({p});"));
                no_mangle = false;
            } else if !l.starts_with("#[") && !l.starts_with("//") && !l.is_empty() {
                repr_c = false;
                no_mangle = false;
            }
            i += 1;
        }
    }
    let mut out = String::from(
        "/* Generated from the Rust sources (src/) by tools/cheader.rs at build time. Do not edit. */\n\
         #ifndef SYS_VIRT_H\n#define SYS_VIRT_H\n#include <stddef.h>\n#include <stdbool.h>\n#include <sys/types.h>\n\n",
    );
    for d in &h.defines {
        out += d;
        out += "\n";
    }
    out += "\n";
    for o in &h.opaque {
        out += &format!("typedef struct {o} {o};\n");
    }
    out += "\n";
    for t in &h.typedefs {
        out += t;
        out += "\n";
    }
    out += "\n";
    for s in &h.structs {
        out += s;
        out += "\n\n";
    }
    for f in &h.functions {
        out += f;
        out += "\n";
    }
    out += "\n#endif\n";
    out
}
