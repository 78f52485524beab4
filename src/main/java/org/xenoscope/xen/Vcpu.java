package org.xenoscope.xen;

/**
 * The hypervisor's record of a virtual CPU: everything the guest registered through hypercalls and the virtual
 * state that stands in for what a ring-1 kernel may not touch (Xen: {@code struct vcpu} / {@code
 * vcpu_guest_context}). The real register state lives in the machine's CPU while the VCPU runs.
 */
public final class Vcpu {
    /** An entry point registered with callback_op or set_callbacks ({@code xen_callback_t}) plus its flags. */
    public record Callback(int cs, int eip, int flags) {
    }

    private final int id;
    /** The virtual IDT (null entries are unset). */
    final TrapInfo[] trapTable = new TrapInfo[256];
    /** Ring-1 stack used when an exception or event interrupts ring 3 (stack_switch; TSS.SS1:ESP1). */
    int kernelSs;
    int kernelSp;
    Callback eventCallback;
    Callback failsafeCallback;
    Callback syscallCallback;
    Callback sysenterCallback;
    /** The virtual CR2 (the last page-fault address bounced to the guest). */
    int cr2;
    /** The virtual CR0.TS (fpu_taskswitch). */
    boolean ts;
    /** The virtual IOPL (physdev_op set_iopl): governs emulated CLI/STI/IN/OUT. */
    int iopl;
    /** Virtual debug registers DR0-DR7 (set_debugreg / emulated MOV DRn). */
    final int[] debugReg = {0, 0, 0, 0, 0, 0, 0xFFFF0FF0, 0x400};
    /** The top-level page table the VCPU runs on (its base pointer: a type reference), or -1. */
    int baseMfn = -1;
    /** The guest's LDT (MMUEXT_SET_LDT): linear base, entries, and the machine frames taken as LDT pages. */
    int ldtBase;
    int ldtEntries;
    int[] ldtFrames = new int[0];
    /** Machine frames of the guest's GDT (set_gdt), and its entry count. */
    int[] gdtFrames = new int[0];
    int gdtEntries;
    /** The register state saved while another domain's VCPU is in the CPU. */
    final CpuContext context = new CpuContext();

    Vcpu(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The virtual IDT entry for {@code vector}, or null. */
    public TrapInfo trap(int vector) {
        return trapTable[vector & 0xFF];
    }

    public int kernelSs() {
        return kernelSs;
    }

    public int kernelSp() {
        return kernelSp;
    }

    public Callback eventCallback() {
        return eventCallback;
    }

    public Callback failsafeCallback() {
        return failsafeCallback;
    }

    public Callback syscallCallback() {
        return syscallCallback;
    }

    public Callback sysenterCallback() {
        return sysenterCallback;
    }

    public int cr2() {
        return cr2;
    }

    public boolean ts() {
        return ts;
    }

    public int iopl() {
        return iopl;
    }

    public int debugReg(int n) {
        return debugReg[n];
    }

    public int[] gdtFrames() {
        return gdtFrames.clone();
    }

    /** The register state saved while the VCPU is off the CPU, as text (for state digests). */
    public String savedContext() {
        return context.text();
    }

    public int baseMfn() {
        return baseMfn;
    }

    public int ldtEntries() {
        return ldtEntries;
    }

    public int[] ldtFrames() {
        return ldtFrames.clone();
    }

    public int gdtEntries() {
        return gdtEntries;
    }
}
