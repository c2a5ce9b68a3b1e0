//! Puts the icon and the version information into `gachi.exe` when the target is
//! Windows (Explorer, the taskbar and the file's Properties → Details show them).
//! Nothing happens for other targets.
//!
//! Cross-building from Linux uses MinGW's `x86_64-w64-mingw32-windres`
//! (Debian: binutils-mingw-w64-x86-64, pulled in by gcc-mingw-w64-x86-64);
//! see scripts/build-windows.sh.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=packaging/gachi.ico");
    // The target, not the host: a build script always runs on the host.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("packaging/gachi.ico")
        .set_language(0x0412) // Korean (Korea)
        .set("ProductName", "Gachi (같이)")
        .set("FileDescription", "Gachi (같이)")
        .set("OriginalFilename", "gachi.exe")
        .set("InternalName", "gachi")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(e) = res.compile_for("gachi") {
        // A Windows exe without its icon is a release bug: stop the build.
        panic!("cannot compile the Windows resources (icon, version): {e}");
    }
}
