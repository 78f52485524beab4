package org.xenoscope.xen.abi;

import java.util.List;

/**
 * Argument structures of individual hypercalls (ABI sheet section 3.4, i386 offsets), the console ring and the
 * xen_version buffers. "OUT" fields are written by the hypervisor.
 */
public final class OpStructs {
    private OpStructs() {
    }

    /** SCHEDOP_shutdown argument. */
    public static final StructLayout SCHED_SHUTDOWN =
        StructLayout.builder("sched_shutdown", "struct sched_shutdown", 4).u32("reason", 0).build();

    /** SCHEDOP_poll argument: ports pointer, count, absolute timeout in ns (0 = none). */
    public static final StructLayout SCHED_POLL = StructLayout.builder("sched_poll", "struct sched_poll", 16)
        .u32("ports", 0).u32("nr_ports", 4).u64("timeout", 8).build();

    /** SCHEDOP_remote_shutdown argument. */
    public static final StructLayout SCHED_REMOTE_SHUTDOWN =
        StructLayout.builder("sched_remote_shutdown", null, 8).u16("domain_id", 0).pad(2, 2).u32("reason", 4)
            .build();

    /** EVTCHNOP_alloc_unbound: {dom, remote_dom, OUT port}. */
    public static final StructLayout EVTCHN_ALLOC_UNBOUND =
        StructLayout.builder("evtchn_alloc_unbound", "struct evtchn_alloc_unbound", 8)
            .u16("dom", 0).u16("remote_dom", 2).u32("port", 4).build();

    /** EVTCHNOP_bind_interdomain: {remote_dom, remote_port, OUT local_port}. */
    public static final StructLayout EVTCHN_BIND_INTERDOMAIN =
        StructLayout.builder("evtchn_bind_interdomain", "struct evtchn_bind_interdomain", 12)
            .u16("remote_dom", 0).pad(2, 2).u32("remote_port", 4).u32("local_port", 8).build();

    /** EVTCHNOP_bind_virq: {virq, vcpu, OUT port}. */
    public static final StructLayout EVTCHN_BIND_VIRQ =
        StructLayout.builder("evtchn_bind_virq", "struct evtchn_bind_virq", 12)
            .u32("virq", 0).u32("vcpu", 4).u32("port", 8).build();

    /** EVTCHNOP_bind_pirq: {pirq, flags (BIND_PIRQ__WILL_SHARE), OUT port}. */
    public static final StructLayout EVTCHN_BIND_PIRQ =
        StructLayout.builder("evtchn_bind_pirq", "struct evtchn_bind_pirq", 12)
            .u32("pirq", 0).u32("flags", 4).u32("port", 8).build();

    /** EVTCHNOP_bind_ipi: {vcpu, OUT port}. */
    public static final StructLayout EVTCHN_BIND_IPI =
        StructLayout.builder("evtchn_bind_ipi", "struct evtchn_bind_ipi", 8).u32("vcpu", 0).u32("port", 4).build();

    /** EVTCHNOP_close: {port}. */
    public static final StructLayout EVTCHN_CLOSE =
        StructLayout.builder("evtchn_close", "struct evtchn_close", 4).u32("port", 0).build();

    /** EVTCHNOP_send: {port}. */
    public static final StructLayout EVTCHN_SEND =
        StructLayout.builder("evtchn_send", "struct evtchn_send", 4).u32("port", 0).build();

    /** EVTCHNOP_unmask: {port}. */
    public static final StructLayout EVTCHN_UNMASK =
        StructLayout.builder("evtchn_unmask", "struct evtchn_unmask", 4).u32("port", 0).build();

    /** EVTCHNOP_bind_vcpu: {port, vcpu}. */
    public static final StructLayout EVTCHN_BIND_VCPU =
        StructLayout.builder("evtchn_bind_vcpu", "struct evtchn_bind_vcpu", 8).u32("port", 0).u32("vcpu", 4).build();

    /** EVTCHNOP_status: {dom, port, OUT status, OUT vcpu, OUT u (unbound.dom / interdomain.dom+port / pirq / virq)}. */
    public static final StructLayout EVTCHN_STATUS =
        StructLayout.builder("evtchn_status", "struct evtchn_status", 24)
            .u16("dom", 0).pad(2, 2).u32("port", 4).u32("status", 8).u32("vcpu", 12).union("u", 16, 8).build();

    /** The compat wrapper of event_channel_op_compat (#16): {cmd, union of the structs above}. */
    public static final StructLayout EVTCHN_OP = StructLayout.builder("evtchn_op", null, 28)
        .u32("cmd", 0).union("u", 4, 24).build();

    /** memory_op increase/decrease_reservation and populate_physmap argument. */
    public static final StructLayout XEN_MEMORY_RESERVATION =
        StructLayout.builder("xen_memory_reservation", "struct xen_memory_reservation", 20)
            .u32("extent_start", 0).u32("nr_extents", 4).u32("extent_order", 8).u32("mem_flags", 12)
            .u16("domid", 16).pad(18, 2).build();

    /** XENMEM_machphys_mfn_list argument: {max_extents, extent_start (OUT array of mfns), OUT nr_extents}. */
    public static final StructLayout XEN_MACHPHYS_MFN_LIST = StructLayout.builder("xen_machphys_mfn_list", null, 12)
        .u32("max_extents", 0).u32("extent_start", 4).u32("nr_extents", 8).build();

    /** One v1 grant-table entry: flags (type in bits 0-1), the domain granted to, the frame. */
    public static final StructLayout GRANT_ENTRY_V1 = StructLayout.builder("grant_entry_v1", null, 8)
        .u16("flags", 0).u16("domid", 2).u32("frame", 4).build();

    /** GNTTABOP_setup_table: {dom, nr_frames, OUT status, frame_list (OUT array)}. */
    public static final StructLayout GNTTAB_SETUP_TABLE = StructLayout.builder("gnttab_setup_table", null, 16)
        .u16("dom", 0).pad(2, 2).u32("nr_frames", 4).s16("status", 8).pad(10, 2).u32("frame_list", 12).build();

    /** GNTTABOP_map_grant_ref: {host_addr, flags, ref, dom, OUT status, OUT handle, OUT dev_bus_addr}. */
    public static final StructLayout GNTTAB_MAP_GRANT_REF = StructLayout.builder("gnttab_map_grant_ref", null, 32)
        .u64("host_addr", 0).u32("flags", 8).u32("ref", 12).u16("dom", 16).s16("status", 18).u32("handle", 20)
        .u64("dev_bus_addr", 24).build();

    /** GNTTABOP_unmap_grant_ref: {host_addr, dev_bus_addr, handle, OUT status}. */
    public static final StructLayout GNTTAB_UNMAP_GRANT_REF =
        StructLayout.builder("gnttab_unmap_grant_ref", null, 24)
            .u64("host_addr", 0).u64("dev_bus_addr", 8).u32("handle", 16).s16("status", 20).pad(22, 2).build();

    /** The PV console ring at start_info.console.domU.mfn. */
    public static final StructLayout XENCONS_INTERFACE =
        StructLayout.builder("xencons_interface", "struct xencons_interface", 3088)
            .chars("in", 0, 1024).chars("out", 1024, 2048).u32("in_cons", 3072).u32("in_prod", 3076)
            .u32("out_cons", 3080).u32("out_prod", 3084).build();

    /** XENVER_extraversion buffer (xen_extraversion_t = char[16]). */
    public static final StructLayout XEN_EXTRAVERSION = StructLayout.builder("xen_extraversion", null, 16)
        .chars("extraversion", 0, 16).build();

    /** XENVER_compile_info buffer. */
    public static final StructLayout XEN_COMPILE_INFO = StructLayout.builder("xen_compile_info", null, 144)
        .chars("compiler", 0, 64).chars("compile_by", 64, 16).chars("compile_domain", 80, 32)
        .chars("compile_date", 112, 32).build();

    /** XENVER_capabilities buffer (char[1024]). */
    public static final StructLayout XEN_CAPABILITIES_INFO =
        StructLayout.builder("xen_capabilities_info", null, 1024).chars("capabilities", 0, 1024).build();

    /** XENVER_changeset buffer (char[64]). */
    public static final StructLayout XEN_CHANGESET_INFO = StructLayout.builder("xen_changeset_info", null, 64)
        .chars("changeset", 0, 64).build();

    /** XENVER_platform_parameters buffer: {virt_start} = HYPERVISOR_VIRT_START. */
    public static final StructLayout XEN_PLATFORM_PARAMETERS =
        StructLayout.builder("xen_platform_parameters", null, 4).u32("virt_start", 0).build();

    /** XENVER_get_features buffer: {submap_idx IN, submap OUT}. */
    public static final StructLayout XEN_FEATURE_INFO = StructLayout.builder("xen_feature_info", null, 8)
        .u32("submap_idx", 0).u32("submap", 4).build();

    /** The layouts of this class. */
    static List<StructLayout> all() {
        return List.of(SCHED_SHUTDOWN, SCHED_POLL, SCHED_REMOTE_SHUTDOWN, EVTCHN_ALLOC_UNBOUND,
            EVTCHN_BIND_INTERDOMAIN, EVTCHN_BIND_VIRQ, EVTCHN_BIND_PIRQ, EVTCHN_BIND_IPI, EVTCHN_CLOSE, EVTCHN_SEND,
            EVTCHN_UNMASK, EVTCHN_BIND_VCPU, EVTCHN_STATUS, EVTCHN_OP, XEN_MEMORY_RESERVATION, XEN_MACHPHYS_MFN_LIST,
            GRANT_ENTRY_V1, GNTTAB_SETUP_TABLE, GNTTAB_MAP_GRANT_REF, GNTTAB_UNMAP_GRANT_REF, XENCONS_INTERFACE,
            XEN_EXTRAVERSION, XEN_COMPILE_INFO, XEN_CAPABILITIES_INFO, XEN_CHANGESET_INFO, XEN_PLATFORM_PARAMETERS,
            XEN_FEATURE_INFO);
    }
}
