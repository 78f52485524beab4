package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.mmu.SegmentCache;

/**
 * A VCPU's register state while it is not in the CPU (Xen: the {@code cpu_user_regs} and control state that
 * {@code context_switch()} saves in {@code struct vcpu}). Everything the guest context consists of is here:
 * general registers, EIP, EFLAGS, the six segment registers' descriptor caches, LDTR and TR, CPL, CR0/CR2/CR3/CR4
 * and the debug registers. GDTR and IDTR are not: they point at the per-domain area, which sits at the same
 * virtual address in every domain (switching CR3 switches the tables behind it).
 */
final class CpuContext {
    private final int[] regs = new int[8];
    private int eip;
    private int eflags;
    private final SegmentCache[] sregs = new SegmentCache[6];
    private final SegmentCache ldtr = new SegmentCache();
    private final SegmentCache tr = new SegmentCache();
    private int cpl;
    private int cr0;
    private int cr2;
    private int cr3;
    private int cr4;
    private final int[] dr = new int[8];

    CpuContext() {
        for (int i = 0; i < sregs.length; i++) {
            sregs[i] = new SegmentCache();
        }
    }

    /** Every saved value as text (the debugger's state digest covers domains that are off the CPU with it). */
    String text() {
        StringBuilder b = new StringBuilder();
        for (int r : regs) {
            b.append(r).append(',');
        }
        b.append(eip).append(',').append(eflags).append(',').append(cpl).append(',');
        for (SegmentCache s : sregs) {
            b.append(s.selector).append(':').append(s.base).append(':').append(s.limit).append(':').append(s.access)
                .append(',');
        }
        b.append(ldtr.selector).append(':').append(ldtr.base).append(':').append(ldtr.limit).append(',');
        b.append(tr.selector).append(':').append(tr.base).append(':').append(tr.limit).append(',');
        b.append(cr0).append(',').append(cr2).append(',').append(cr3).append(',').append(cr4);
        for (int d : dr) {
            b.append(',').append(d);
        }
        return b.toString();
    }

    /** Contract: copies the CPU's guest context into this record; the CPU is unchanged. */
    void save(Cpu cpu) {
        for (int i = 0; i < 8; i++) {
            regs[i] = cpu.reg(i);
        }
        eip = cpu.eip();
        eflags = cpu.eflags();
        for (int i = 0; i < 6; i++) {
            sregs[i].copyFrom(cpu.seg(i));
        }
        ldtr.copyFrom(cpu.ldtr);
        tr.copyFrom(cpu.tr);
        cpl = cpu.cpl();
        cr0 = cpu.cr(0);
        cr2 = cpu.cr(2);
        cr3 = cpu.cr(3);
        cr4 = cpu.cr(4);
        System.arraycopy(cpu.dr, 0, dr, 0, 8);
    }

    /**
     * Contract: loads this record into the CPU. Paging goes first through MOV-to-CR semantics (which flush the TLB
     * and reload PAE PDPTEs): paging off, CR4, CR3, then CR0 with paging on again, so that a PAE and a 2-level
     * domain can follow each other; then the rest, EIP last, which drops the cached fetch page.
     */
    void restore(Cpu cpu) {
        cpu.writeCr(0, cpu.cr(0) & ~Cpu.CR0_PG);
        cpu.writeCr(4, cr4);
        cpu.writeCr(3, cr3);
        cpu.writeCr(0, cr0);
        cpu.writeCr(2, cr2);
        for (int i = 0; i < 8; i++) {
            cpu.setReg(i, regs[i]);
        }
        for (int i = 0; i < 6; i++) {
            cpu.seg(i).copyFrom(sregs[i]);
        }
        cpu.ldtr.copyFrom(ldtr);
        cpu.tr.copyFrom(tr);
        cpu.setCpl(cpl);
        System.arraycopy(dr, 0, cpu.dr, 0, 8);
        cpu.setEflags(eflags);
        cpu.setEip(eip);
    }
}
