package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.cpu.Eflags;
import org.xenoscope.xen.abi.CallbackType;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.Selectors;
import org.xenoscope.xen.abi.TrapInfoFlags;

/** set_trap_table, stack_switch, set_callbacks, callback_op and the iret hypercall. */
class TrapOpsTest {
    private static final int UNMAPPED = 0x00500000;
    private static final int EPERM = Errno.EPERM.negative();

    /** Writes trap_info_t {vector, flags, cs, address} number {@code i} of a table at {@code table}. */
    static void entry(PvFixture f, int table, int i, int vector, int flags, int cs, int address) {
        f.mem().write32(table + 8 * i, (vector & 0xFF) | (flags & 0xFF) << 8 | cs << 16);
        f.mem().write32(table + 8 * i + 4, address);
    }

    /** The real IDT gate {@code v} of the fixture's domain, as {low dword, high dword}. */
    static int[] gate(PvFixture f, int v) {
        long a = ((long) f.d.idtMfn << 12) + 8L * v;
        return new int[] {f.hv.machine().memory().readDword(a), f.hv.machine().memory().readDword(a + 4)};
    }

    @Test
    void entriesAreInstalledUpToTheZeroAddressSentinel() {
        PvFixture f = PvFixture.boot();
        int t = f.scratch();
        entry(f, t, 0, 14, 0, Selectors.FLAT_RING1_CS, 0x1000);
        entry(f, t, 1, 13, TrapInfoFlags.TI_MASK_EVENTS | 1, 0x0819, 0x2000);
        entry(f, t, 2, 6, 0, Selectors.FLAT_RING1_CS, 0);
        entry(f, t, 3, 3, 3, Selectors.FLAT_RING1_CS, 0x3000);
        assertThat(f.call("set_trap_table", t)).isZero();
        Vcpu v = f.d.vcpu(0);
        assertThat(v.trap(14)).isEqualTo(new TrapInfo(0, Selectors.FLAT_RING1_CS, 0x1000));
        assertThat(v.trap(13).masksEvents()).isTrue();
        assertThat(v.trap(13).dpl()).isEqualTo(1);
        assertThat(v.trap(13).cs()).isEqualTo(0x0819);
        assertThat(v.trap(6)).isNull();
        assertThat(v.trap(3)).isNull();
    }

    @Test
    void aNullTableClearsTheVirtualIdt() {
        PvFixture f = PvFixture.boot();
        entry(f, f.scratch(), 0, 14, 0, Selectors.FLAT_RING1_CS, 0x1000);
        assertThat(f.call("set_trap_table", f.scratch())).isZero();
        assertThat(f.call("set_trap_table", 0)).isZero();
        assertThat(f.d.vcpu(0).trap(14)).isNull();
    }

    @Test
    void ringZeroAndXenSelectorsAreEpermAndEarlierEntriesStay() {
        int[] bad = {0xE018, 0x0008, 0xE008, 0xE009, 0xE011, Selectors.FLAT_RING3_CS, Selectors.FLAT_RING1_DS + 8,
            0x000B, 0x000C};
        for (int cs : bad) {
            PvFixture f = PvFixture.boot();
            int t = f.scratch();
            entry(f, t, 0, 14, 0, Selectors.FLAT_RING1_CS, 0x1000);
            entry(f, t, 1, 13, 0, cs, 0x2000);
            entry(f, t, 2, 6, 0, Selectors.FLAT_RING1_CS, 0x3000);
            assertThat(f.call("set_trap_table", t)).as("cs 0x%04x", cs).isEqualTo(EPERM);
            assertThat(f.d.vcpu(0).trap(14)).isNotNull();
            assertThat(f.d.vcpu(0).trap(13)).isNull();
            assertThat(f.d.vcpu(0).trap(6)).isNull();
        }
    }

    @Test
    void guestGdtAndLdtSelectorsWithRpl1AreAccepted() {
        PvFixture f = PvFixture.boot();
        entry(f, f.scratch(), 0, 14, 0, 0x0819, 0x1000);
        entry(f, f.scratch(), 1, 13, 0, 0x000D, 0x2000);
        assertThat(f.call("set_trap_table", f.scratch())).isZero();
        assertThat(f.d.vcpu(0).trap(13).cs()).isEqualTo(0x000D);
    }

    @Test
    void anUnreadableTableIsEfault() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("set_trap_table", UNMAPPED)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.call("set_trap_table", f.d.flavour().hypervisorVirtStart())).isEqualTo(Errno.EFAULT.negative());
        int end = f.built.layout().mappedEnd();
        entry(f, end - 8, 0, 14, 0, Selectors.FLAT_RING1_CS, 0x1000);
        assertThat(f.call("set_trap_table", end - 8)).isEqualTo(Errno.EFAULT.negative());
        assertThat(f.d.vcpu(0).trap(14)).isNotNull();
    }

    @Test
    void int80BecomesADirectGateOnlyForADpl3EntryWithoutEventMasking() {
        PvFixture f = PvFixture.boot();
        int[] xens = gate(f, 0x80);
        assertThat(xens[0] >>> 16).isEqualTo(Selectors.HYPERVISOR_CS);
        entry(f, f.scratch(), 0, 0x80, 3, Selectors.FLAT_RING1_CS, 0x00123456);
        assertThat(f.call("set_trap_table", f.scratch())).isZero();
        int[] g = gate(f, 0x80);
        assertThat(g[0]).isEqualTo(Selectors.FLAT_RING1_CS << 16 | 0x3456);
        assertThat(g[1]).isEqualTo(0x00120000 | 0x8000 | 3 << 13 | 0xF << 8);

        entry(f, f.scratch(), 0, 0x80, 3 | TrapInfoFlags.TI_MASK_EVENTS, Selectors.FLAT_RING1_CS, 0x00123456);
        assertThat(f.call("set_trap_table", f.scratch())).isZero();
        assertThat(gate(f, 0x80)).isEqualTo(xens);

        entry(f, f.scratch(), 0, 0x80, 3, Selectors.FLAT_RING1_CS, 0x00123456);
        assertThat(f.call("set_trap_table", f.scratch())).isZero();
        assertThat(f.call("set_trap_table", 0)).isZero();
        assertThat(gate(f, 0x80)).isEqualTo(xens);
    }

    @Test
    void otherVectorsNeverGetADirectGate() {
        PvFixture f = PvFixture.boot();
        int[] before = gate(f, 0x81);
        entry(f, f.scratch(), 0, 0x81, 3, Selectors.FLAT_RING1_CS, 0x00123456);
        assertThat(f.call("set_trap_table", f.scratch())).isZero();
        assertThat(gate(f, 0x81)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ stack_switch, callbacks

    @Test
    void stackSwitchSetsTheRing1StackInTheTss() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("stack_switch", Selectors.FLAT_RING1_SS, 0x00201000)).isZero();
        assertThat(f.d.vcpu(0).kernelSs()).isEqualTo(Selectors.FLAT_RING1_SS);
        assertThat(f.d.vcpu(0).kernelSp()).isEqualTo(0x00201000);
        long tss = (long) f.d.tssMfn << 12;
        assertThat(f.hv.machine().memory().readDword(tss + 12)).isEqualTo(0x00201000);
        assertThat(f.hv.machine().memory().readDword(tss + 16)).isEqualTo(Selectors.FLAT_RING1_SS);
    }

    @Test
    void stackSwitchWithRplOtherThan1IsEperm() {
        PvFixture f = PvFixture.boot();
        for (int ss : new int[] {Selectors.HYPERVISOR_DS, Selectors.FLAT_RING3_SS, 0xE022, 0}) {
            assertThat(f.call("stack_switch", ss, 0x1000)).as("ss 0x%04x", ss).isEqualTo(EPERM);
        }
        assertThat(f.d.vcpu(0).kernelSs()).isZero();
    }

    @Test
    void setCallbacksRegistersBothEntryPoints() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("set_callbacks", Selectors.FLAT_RING1_CS, 0x1111, Selectors.FLAT_RING1_CS, 0x2222))
            .isZero();
        assertThat(f.d.vcpu(0).eventCallback()).isEqualTo(new Vcpu.Callback(Selectors.FLAT_RING1_CS, 0x1111, 0));
        assertThat(f.d.vcpu(0).failsafeCallback().eip()).isEqualTo(0x2222);
    }

    @Test
    void setCallbacksWithARingZeroSelectorIsEpermAndChangesNothing() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("set_callbacks", Selectors.FLAT_RING1_CS, 0x1111, Selectors.HYPERVISOR_CS, 0x2222))
            .isEqualTo(EPERM);
        assertThat(f.call("set_callbacks", 0xE018, 0x1111, Selectors.FLAT_RING1_CS, 0x2222)).isEqualTo(EPERM);
        assertThat(f.d.vcpu(0).eventCallback()).isNull();
        assertThat(f.d.vcpu(0).failsafeCallback()).isNull();
    }

    /** callback_op(cmd, &{type, flags, cs, eip}) with the struct at scratch. */
    private static int callbackOp(PvFixture f, int cmd, int type, int flags, int cs, int eip) {
        f.mem().write16(f.scratch(), type);
        f.mem().write16(f.scratch() + 2, flags);
        f.mem().write32(f.scratch() + 4, cs);
        f.mem().write32(f.scratch() + 8, eip);
        return f.call("callback_op", cmd, f.scratch());
    }

    @Test
    void callbackOpRegistersEachType() {
        PvFixture f = PvFixture.boot();
        int reg = CallbackType.CALLBACKOP_REGISTER;
        int cs = Selectors.FLAT_RING1_CS;
        assertThat(callbackOp(f, reg, CallbackType.CALLBACKTYPE_EVENT, 0, cs, 0x100)).isZero();
        assertThat(callbackOp(f, reg, CallbackType.CALLBACKTYPE_FAILSAFE, 0, cs, 0x200)).isZero();
        assertThat(callbackOp(f, reg, CallbackType.CALLBACKTYPE_SYSCALL32, CallbackType.CALLBACKF_MASK_EVENTS, cs,
            0x300)).isZero();
        assertThat(callbackOp(f, reg, CallbackType.CALLBACKTYPE_SYSENTER, 0, cs, 0x400)).isZero();
        assertThat(callbackOp(f, reg, CallbackType.CALLBACKTYPE_NMI, 0, cs, 0x500)).isZero();
        Vcpu v = f.d.vcpu(0);
        assertThat(v.eventCallback()).isEqualTo(new Vcpu.Callback(cs, 0x100, 0));
        assertThat(v.failsafeCallback().eip()).isEqualTo(0x200);
        assertThat(v.syscallCallback()).isEqualTo(new Vcpu.Callback(cs, 0x300, CallbackType.CALLBACKF_MASK_EVENTS));
        assertThat(v.sysenterCallback().eip()).isEqualTo(0x400);
    }

    @Test
    void callbackOpWithABadTypeIsEinval() {
        PvFixture f = PvFixture.boot();
        int cs = Selectors.FLAT_RING1_CS;
        assertThat(callbackOp(f, CallbackType.CALLBACKOP_REGISTER, CallbackType.CALLBACKTYPE_SYSCALL, 0, cs, 1))
            .isEqualTo(Errno.EINVAL.negative());
        assertThat(callbackOp(f, CallbackType.CALLBACKOP_REGISTER, 99, 0, cs, 1)).isEqualTo(Errno.EINVAL.negative());
    }

    @Test
    void callbackOpWithABadSelectorIsEperm() {
        PvFixture f = PvFixture.boot();
        assertThat(callbackOp(f, CallbackType.CALLBACKOP_REGISTER, CallbackType.CALLBACKTYPE_EVENT, 0,
            Selectors.HYPERVISOR_CS, 0x100)).isEqualTo(EPERM);
        assertThat(callbackOp(f, CallbackType.CALLBACKOP_REGISTER, CallbackType.CALLBACKTYPE_NMI, 0, 0x0008, 0x100))
            .isEqualTo(EPERM);
        assertThat(f.d.vcpu(0).eventCallback()).isNull();
    }

    @Test
    void callbackOpUnregistersOnlyTheNmiCallback() {
        PvFixture f = PvFixture.boot();
        int cs = Selectors.FLAT_RING1_CS;
        assertThat(callbackOp(f, CallbackType.CALLBACKOP_REGISTER, CallbackType.CALLBACKTYPE_EVENT, 0, cs, 1))
            .isZero();
        assertThat(callbackOp(f, CallbackType.CALLBACKOP_UNREGISTER, CallbackType.CALLBACKTYPE_NMI, 0, 0, 0))
            .isZero();
        assertThat(callbackOp(f, CallbackType.CALLBACKOP_UNREGISTER, CallbackType.CALLBACKTYPE_EVENT, 0, 0, 0))
            .isEqualTo(Errno.EINVAL.negative());
        assertThat(f.d.vcpu(0).eventCallback()).isNotNull();
    }

    @Test
    void callbackOpUnknownCommandIsEnosysAndBadPointerEfault() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("callback_op", 2, f.scratch())).isEqualTo(Errno.ENOSYS.negative());
        assertThat(f.call("callback_op", CallbackType.CALLBACKOP_REGISTER, UNMAPPED))
            .isEqualTo(Errno.EFAULT.negative());
        assertThat(f.call("callback_op", CallbackType.CALLBACKOP_UNREGISTER, UNMAPPED))
            .isEqualTo(Errno.EFAULT.negative());
    }

    // ------------------------------------------------------------------ iret

    /** Puts {@code words} on a stack at scratch + 0x800 and points ESP there; returns that address. */
    private static int frame(PvFixture f, int... words) {
        int sp = f.scratch() + 0x800;
        for (int i = 0; i < words.length; i++) {
            f.mem().write32(sp + 4 * i, words[i]);
        }
        f.cpu().setReg(Cpu.ESP, sp);
        return sp;
    }

    @Test
    void iretToRing1PopsFourWordsAndRestoresEax() {
        PvFixture f = PvFixture.boot();
        int sp = frame(f, 0xCAFE, 0x00101234, Selectors.FLAT_RING1_CS, Eflags.IF | 0x2);
        f.d.vcpuInfo(0).setUpcallMask(true);
        assertThat(f.call("iret")).isEqualTo(0xCAFE);
        Cpu c = f.cpu();
        assertThat(c.eip()).isEqualTo(0x00101234);
        assertThat(c.seg(Cpu.CS).selector).isEqualTo(Selectors.FLAT_RING1_CS);
        assertThat(c.reg(Cpu.ESP)).isEqualTo(sp + 16);
        assertThat(c.seg(Cpu.SS).selector).isEqualTo(Selectors.FLAT_RING1_SS);
        assertThat(f.d.vcpuInfo(0).upcallMask()).isFalse();
        assertThat(f.d.dead()).isFalse();
    }

    @Test
    void iretToRing3TakesEspAndSsFromTheFrame() {
        PvFixture f = PvFixture.boot();
        frame(f, 7, 0x00105678, Selectors.FLAT_RING3_CS, 0x2, 0x00300000, Selectors.FLAT_RING3_SS);
        assertThat(f.call("iret")).isEqualTo(7);
        Cpu c = f.cpu();
        assertThat(c.cpl()).isEqualTo(3);
        assertThat(c.eip()).isEqualTo(0x00105678);
        assertThat(c.reg(Cpu.ESP)).isEqualTo(0x00300000);
        assertThat(c.seg(Cpu.SS).selector).isEqualTo(Selectors.FLAT_RING3_SS);
        assertThat(c.eflags() & Eflags.IF).isNotZero();
        assertThat(f.d.vcpuInfo(0).upcallMask()).isTrue();
    }

    @Test
    void iretDropsIopl() {
        PvFixture f = PvFixture.boot();
        frame(f, 0, 0x00101234, Selectors.FLAT_RING1_CS, Eflags.IF | 0x3000 | 0x2);
        f.call("iret");
        assertThat(f.cpu().eflags() & 0x3000).isZero();
        assertThat(f.d.vcpu(0).iopl()).isZero();
    }

    @Test
    void iretToRing0KillsTheDomain() {
        PvFixture f = PvFixture.boot();
        frame(f, 0, 0x00101234, Selectors.HYPERVISOR_CS, Eflags.IF);
        f.call("iret");
        assertThat(f.d.state()).isEqualTo(Domain.State.CRASHED);
        assertThat(f.d.endReason()).contains("ring 0");
        assertThat(f.run(100).outcome()).isEqualTo(Hypervisor.Outcome.CRASHED);
    }

    @Test
    void iretWithAnUnreadableFrameKillsTheDomain() {
        PvFixture f = PvFixture.boot();
        f.cpu().setReg(Cpu.ESP, UNMAPPED);
        f.call("iret");
        assertThat(f.d.state()).isEqualTo(Domain.State.CRASHED);
        assertThat(f.d.endReason()).contains("iret").contains("frame");
    }

    @Test
    void iretToRing3WithAFrameCutShortKillsTheDomain() {
        PvFixture f = PvFixture.boot();
        int end = f.built.layout().mappedEnd();
        f.mem().write32(end - 16, 0);
        f.mem().write32(end - 12, 0x00101234);
        f.mem().write32(end - 8, Selectors.FLAT_RING3_CS);
        f.mem().write32(end - 4, Eflags.IF);
        f.cpu().setReg(Cpu.ESP, end - 16);
        f.call("iret");
        assertThat(f.d.state()).isEqualTo(Domain.State.CRASHED);
    }

    @Test
    void iretToABadSelectorKillsTheDomainWithoutAJavaException() {
        PvFixture f = PvFixture.boot();
        frame(f, 0, 0x00101234, 0x0819, Eflags.IF); // an empty guest GDT entry
        f.call("iret");
        assertThat(f.d.state()).isEqualTo(Domain.State.CRASHED);
        assertThat(f.d.endReason()).contains("refused");
    }
}
