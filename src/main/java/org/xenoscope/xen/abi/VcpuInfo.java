package org.xenoscope.xen.abi;

import org.xenoscope.machine.mem.PhysicalMemory;

/** Typed view of one {@code vcpu_info} slot ({@link Structs#VCPU_INFO}), including its time info. */
public final class VcpuInfo extends StructView {
    private static final StructLayout L = Structs.VCPU_INFO;
    private static final int PENDING_SEL = L.offsetOf("evtchn_pending_sel");
    private static final int CR2 = L.offsetOf("arch.cr2");
    private static final int TIME_VERSION = L.offsetOf("time.version");
    private static final int TSC_TO_SYSTEM_MUL = L.offsetOf("time.tsc_to_system_mul");

    /** The vcpu_info at physical address {@code addr} (normally via {@link SharedInfo#vcpu}). */
    public VcpuInfo(PhysicalMemory mem, long addr) {
        super(mem, addr, L);
    }

    /** Set by Xen when a selector bit is set; cleared by the guest. */
    public boolean upcallPending() {
        return get("evtchn_upcall_pending") != 0;
    }

    public void setUpcallPending(boolean pending) {
        set("evtchn_upcall_pending", pending ? 1 : 0);
    }

    /** The guest's "interrupt flag": true = no upcalls (true at start of day). */
    public boolean upcallMask() {
        return get("evtchn_upcall_mask") != 0;
    }

    public void setUpcallMask(boolean masked) {
        set("evtchn_upcall_mask", masked ? 1 : 0);
    }

    /** Bit i: word i of evtchn_pending may hold pending ports. */
    public int pendingSel() {
        return word(PENDING_SEL);
    }

    public void setPendingSel(int sel) {
        setWord(PENDING_SEL, sel);
    }

    /** arch.cr2: faulting address of the last page fault delivered. */
    public int cr2() {
        return word(CR2);
    }

    public void setCr2(int cr2) {
        setWord(CR2, cr2);
    }

    /** time.version: odd while the hypervisor updates the time fields. */
    public int timeVersion() {
        return word(TIME_VERSION);
    }

    public void setTimeVersion(int v) {
        setWord(TIME_VERSION, v);
    }

    public long tscTimestamp() {
        return get("time.tsc_timestamp");
    }

    public void setTscTimestamp(long tsc) {
        set("time.tsc_timestamp", tsc);
    }

    /** time.system_time: ns since the machine booted. */
    public long systemTime() {
        return get("time.system_time");
    }

    public void setSystemTime(long ns) {
        set("time.system_time", ns);
    }

    public int tscToSystemMul() {
        return word(TSC_TO_SYSTEM_MUL);
    }

    public void setTscToSystemMul(int mul) {
        setWord(TSC_TO_SYSTEM_MUL, mul);
    }

    public int tscShift() {
        return (int) get("time.tsc_shift");
    }

    public void setTscShift(int shift) {
        set("time.tsc_shift", shift);
    }
}
