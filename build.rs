//! Build script: generates the C header of the Rust ABI (`sys_virt.h`) from
//! the Rust sources with cbindgen, the code of the table-driven methods
//! (tools/gen-api.pl), and, with the `xs` feature, turns `xs/Virt.xs` into C
//! with `xsubpp` and compiles it into the library with the `cc` crate.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn perl_output(args: &[&str]) -> String {
    let out = Command::new("perl")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run perl {args:?}: {e}"));
    if !out.status.success() {
        panic!(
            "perl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    String::from_utf8(out.stdout).expect("perl printed non-UTF-8")
}

fn rerun_if_changed_dir(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rerun_if_changed_dir(&p);
        } else {
            println!("cargo:rerun-if-changed={}", p.display());
        }
    }
}

/// The names of libvirt's API newer than the oldest libvirt supported
/// (data/libvirt-since.tsv) that the installed libvirt has: Rust code that
/// uses one is compiled only where it exists (`#[cfg(libvirt =
/// "virDomainGraphicsReload")]`), so the library never refers to a symbol
/// the installed libvirt lacks. Also the installed libvirt's version, which
/// messages name (`SVR_LIBVIRT_VERSION`).
fn libvirt_names(root: &Path, api: &str) {
    println!("cargo:rerun-if-changed=data/libvirt-since.tsv");
    println!("cargo:rerun-if-changed={api}");
    let xml = fs::read_to_string(api).unwrap_or_else(|e| panic!("{api}: {e} (install libvirt-dev)"));
    let mut installed = std::collections::HashSet::new();
    let mut version = None;
    for line in xml.lines() {
        let line = line.trim_start();
        for kind in ["<function name='", "<enum name='", "<macro name='"] {
            if let Some(rest) = line.strip_prefix(kind) {
                let name = &rest[..rest.find('\'').unwrap_or(0)];
                if name == "LIBVIR_VERSION_NUMBER" {
                    version = rest.split("raw='").nth(1).and_then(|r| r.split('\'').next()?.parse::<u64>().ok());
                }
                installed.insert(name.to_string());
            }
        }
    }
    let v = version.unwrap_or_else(|| panic!("{api}: no LIBVIR_VERSION_NUMBER"));
    println!("cargo:rustc-env=SVR_LIBVIRT_VERSION={}.{}.{}", v / 1_000_000, v / 1000 % 1000, v % 1000);
    let since = fs::read_to_string(root.join("data/libvirt-since.tsv")).expect("data/libvirt-since.tsv");
    let mut known = Vec::new();
    for line in since.lines().filter(|l| !l.starts_with('#')) {
        let name = line.split('\t').next().unwrap();
        if installed.contains(name) {
            println!("cargo:rustc-cfg=libvirt=\"{name}\"");
        }
        known.push(format!("\"{name}\""));
    }
    // Declared for rustc's check of cfg names (Rust 1.80 and newer).
    if rustc_minor() >= 80 {
        println!("cargo:rustc-check-cfg=cfg(libvirt, values({}))", known.join(","));
    }
}

/// The minor version of the rustc cargo runs (1.MINOR).
fn rustc_minor() -> u32 {
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| v.split('.').nth(1)?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    rerun_if_changed_dir(&root.join("src"));
    println!("cargo:rerun-if-changed=cbindgen.toml");

    // The C header of the Rust ABI, by cbindgen from the Rust sources. The
    // handle types come from tools/gen-api.pl's class table through a
    // macro, which cbindgen cannot see: their declarations go first.
    let mut config = cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml");
    config.after_includes = Some(perl_output(&[
        root.join("tools/gen-api.pl").to_str().unwrap(),
        "--handles-h",
    ]));
    cbindgen::Builder::new()
        .with_crate(&root)
        .with_config(config)
        .generate()
        .expect("cbindgen could not generate sys_virt.h")
        .write_to_file(out.join("sys_virt.h"));

    let api = env::var("LIBVIRT_API_XML")
        .unwrap_or_else(|_| "/usr/share/libvirt/api/libvirt-api.xml".into());
    libvirt_names(&root, &api);

    // The Rust side of the table-driven methods (src/api/mod.rs includes it).
    println!("cargo:rerun-if-changed=tools/gen-api.pl");
    println!("cargo:rerun-if-changed=data/api.tsv");
    println!("cargo:rerun-if-env-changed=LIBVIRT_API_XML");
    // SVR_API_NO_FAST=1: every row through its Value body, no fast paths
    // (what a worker thread would run; for checking that path).
    println!("cargo:rerun-if-env-changed=SVR_API_NO_FAST");
    let no_fast = env::var("SVR_API_NO_FAST").map_or(false, |v| !v.is_empty() && v != "0");
    let gen_api = |outputs: &[&str]| {
        let (script, table) = (root.join("tools/gen-api.pl"), root.join("data/api.tsv"));
        let mut args = vec![script.to_str().unwrap(), "--table", table.to_str().unwrap(), "--api", &api];
        if no_fast {
            args.push("--no-fast");
        }
        args.extend_from_slice(outputs);
        perl_output(&args);
    };
    gen_api(&[
        "--rust",
        out.join("api_gen.rs").to_str().unwrap(),
        "--handles-rs",
        out.join("handles_gen.rs").to_str().unwrap(),
    ]);

    if env::var_os("CARGO_FEATURE_XS").is_none() {
        return;
    }
    rerun_if_changed_dir(&root.join("xs"));
    println!("cargo:rerun-if-changed=tools/gen-constants.pl");
    println!("cargo:rerun-if-changed=data/constants.tsv");

    // Constants of the libvirt we build against, from its API description.
    let constants_h = out.join("constants.h");
    perl_output(&[
        root.join("tools/gen-constants.pl").to_str().unwrap(),
        "--api",
        &api,
        "--c",
        constants_h.to_str().unwrap(),
    ]);

    // The table-driven methods: their XSUBs and C prototypes.
    // xsubpp runs on a copy of xs/ beside the generated Api.xs, which
    // xs/Virt.xs INCLUDEs.
    let xs_dir = out.join("xs");
    fs::create_dir_all(&xs_dir).unwrap();
    for entry in fs::read_dir(root.join("xs")).unwrap().flatten() {
        fs::copy(entry.path(), xs_dir.join(entry.file_name())).unwrap();
    }
    gen_api(&[
        "--handwritten",
        root.join("xs").to_str().unwrap(),
        "--xs",
        xs_dir.join("Api.xs").to_str().unwrap(),
        "--h",
        out.join("api_gen.h").to_str().unwrap(),
    ]);

    // xsubpp: xs/Virt.xs (which INCLUDEs the other .xs files) -> Virt.c
    let privlib = perl_output(&["-MConfig", "-e", "print $Config{privlibexp}"]);
    let xs_c = out.join("Virt.c");
    let status = Command::new("perl")
        .arg(format!("{privlib}/ExtUtils/xsubpp"))
        .args(["-typemap", &format!("{privlib}/ExtUtils/typemap")])
        .args(["-typemap", root.join("xs/typemap").to_str().unwrap()])
        .args(["-prototypes", "-output", xs_c.to_str().unwrap()])
        .arg("Virt.xs")
        .current_dir(&xs_dir)
        .status()
        .expect("cannot run xsubpp");
    assert!(status.success(), "xsubpp failed");

    // The XS version check compares against the Perl module's $VERSION.
    println!("cargo:rerun-if-changed=lib/Sys/Virt.pm");
    let perl_version = fs::read_to_string(root.join("lib/Sys/Virt.pm"))
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("our $VERSION = '").and_then(|r| r.split('\'').next()).map(String::from))
        .expect("lib/Sys/Virt.pm has no our $VERSION = '...'");

    let mut build = cc::Build::new();
    for flag in perl_output(&["-MExtUtils::Embed", "-e", "ccopts"]).split_whitespace() {
        build.flag(flag);
    }
    build
        .file(&xs_c)
        .file(root.join("xs/glue.c"))
        .file(root.join("xs/stream_glue.c"))
        .file(root.join("xs/events.c"))
        .file(root.join("xs/api_glue.c"))
        .file(root.join("xs/transfer_glue.c"))
        .include(&out)
        .include(root.join("xs"))
        // Rust exports boot_Sys__Virt and calls this one: a cdylib keeps
        // only the symbols Rust exports (see DESIGN.md).
        .define("boot_Sys__Virt", "svr_xs_boot")
        .define("VERSION", format!("\"{perl_version}\"").as_str())
        .define("XS_VERSION", format!("\"{perl_version}\"").as_str())
        .flag_if_supported("-Wno-unused-variable")
        .compile("sys_virt_xs");
    // The glue's calls into Rust bind inside the library at link time:
    // no symbol lookup per function at every load, no PLT hop per call.
    println!("cargo:rustc-cdylib-link-arg=-Wl,-Bsymbolic-functions");
}
