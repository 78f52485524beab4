package org.xenoscope.xen;

/** What {@code xen_version} reports: this hypervisor presents itself as Xen 4.19 with the x86_32 PV ABI. */
public final class XenVersion {
    public static final int MAJOR = 4;
    public static final int MINOR = 19;
    /** XENVER_extraversion (at most 15 characters + NUL). */
    public static final String EXTRAVERSION = "-xenoscope";
    /** XENVER_compile_info fields: compiler (64), compile_by (16), compile_domain (32), compile_date (32). */
    public static final String COMPILER = "OpenJDK (Java 17)";
    public static final String COMPILE_BY = "xenoscope";
    public static final String COMPILE_DOMAIN = "xenoscope.org";
    public static final String COMPILE_DATE = "2026-11-23";
    /** XENVER_changeset (64). */
    public static final String CHANGESET = "xenoscope simulator";
    /** XENVER_capabilities (1024): both 32-bit PV flavours. */
    public static final String CAPABILITIES = "xen-3.0-x86_32 xen-3.0-x86_32p";

    private XenVersion() {
    }
}
