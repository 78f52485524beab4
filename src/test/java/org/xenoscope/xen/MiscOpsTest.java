package org.xenoscope.xen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.xen.abi.Errno;
import org.xenoscope.xen.abi.Hypercall;
import org.xenoscope.xen.abi.PhysdevOp;
import org.xenoscope.xen.abi.Selectors;
import org.xenoscope.xen.abi.UvmFlags;
import org.xenoscope.xen.abi.VmAssist;

class MiscOpsTest {
    private static final int EINVAL = Errno.EINVAL.negative();
    private static final int EPERM = Errno.EPERM.negative();
    private static final int ENOSYS = Errno.ENOSYS.negative();
    private static final int EFAULT = Errno.EFAULT.negative();

    // ---------------------------------------------------------------- fpu_taskswitch

    @Test
    void fpuTaskswitchSetsTheRealTsSoX87InstructionsRaiseNm() {
        PvFixture f = PvFixture.boot(true, "    db 0xDB, 0xE3  ; fninit\n    jmp $\n");
        int cr3 = f.cpu().cr(3);
        assertThat(f.call("fpu_taskswitch", 1)).isZero();
        assertThat(f.d.vcpu0.ts()).isTrue();
        assertThat(f.cpu().cr(0) & Cpu.CR0_TS).isNotZero();
        assertThat(f.cpu().cr(3)).isEqualTo(cr3);
        f.run(10);
        assertThat(f.d.endReason()).contains("NM"); // bounced (and, with no handler, fatal)
        assertThat(f.d.vcpu0.ts()).isFalse(); // Xen clears the virtual and the real TS when it bounces #NM
        assertThat(f.cpu().cr(0) & Cpu.CR0_TS).isZero();

        PvFixture g = PvFixture.boot(true, "    db 0xDB, 0xE3  ; fninit\n    jmp $\n");
        assertThat(g.call("fpu_taskswitch", 1)).isZero();
        assertThat(g.call("fpu_taskswitch", 0)).isZero();
        assertThat(g.d.vcpu0.ts()).isFalse();
        assertThat(g.cpu().cr(0) & Cpu.CR0_TS).isZero();
        g.run(10);
        assertThat(g.d.endReason()).doesNotContain("NM").contains("UD"); // no x87 unit: #UD without TS
    }

    @Test
    void anNmTheGuestDidNotAskForIsXensOwn() {
        // Real TS set without the virtual TS (as after a lazy FPU switch): Xen clears TS and the x87 instruction
        // is retried; without an x87 unit it then raises #UD, which reaches the guest.
        PvFixture f = PvFixture.boot(true, "    db 0xDB, 0xE3  ; fninit\n    jmp $\n");
        f.cpu().cr0 |= Cpu.CR0_TS;
        f.run(10);
        assertThat(f.d.endReason()).doesNotContain("NM").contains("UD");
    }

    // ---------------------------------------------------------------- debug registers

    @Test
    void debugAddressRegistersMustBeGuestAddresses() {
        PvFixture f = PvFixture.boot();
        int hvs = f.d.flavour().hypervisorVirtStart();
        assertThat(f.call("set_debugreg", 0, 0x00101000)).isZero();
        assertThat(f.call("get_debugreg", 0)).isEqualTo(0x00101000);
        assertThat(f.cpu().dr[0]).isEqualTo(0x00101000); // the running VCPU's value is live in the CPU
        assertThat(f.call("set_debugreg", 3, hvs - 4)).isZero();
        assertThat(f.call("set_debugreg", 3, hvs - 3)).isEqualTo(EPERM);
        assertThat(f.call("set_debugreg", 2, 0xFFFFFFFC)).isEqualTo(EPERM);
        assertThat(f.call("get_debugreg", 3)).isEqualTo(hvs - 4);
    }

    @Test
    void dr6AndDr7ReservedBitsAreForcedAndPrivilegedControlsRefused() {
        PvFixture f = PvFixture.boot();
        assertThat(f.call("get_debugreg", 6)).isEqualTo(0xFFFF0FF0);
        assertThat(f.call("get_debugreg", 7)).isEqualTo(0x400);
        assertThat(f.call("set_debugreg", 6, 0x0000100F)).isZero();
        assertThat(f.call("get_debugreg", 6)).isEqualTo(0xFFFF0FFF);
        // L0, R/W0 = 01 (write), LEN0 = 11 (4 bytes); bits 11, 12, 14, 15 cleared, bit 10 set.
        assertThat(f.call("set_debugreg", 7, 0x000DD801)).isZero();
        assertThat(f.call("get_debugreg", 7)).isEqualTo(0x000D0401);
        assertThat(f.cpu().dr[7]).isEqualTo(0x000D0401);
        assertThat(f.call("set_debugreg", 7, 1 << 13)).isEqualTo(EPERM); // GD
        assertThat(f.call("set_debugreg", 7, 0x00020001)).isEqualTo(EPERM); // R/W0 = 10b (I/O)
        assertThat(f.call("set_debugreg", 7, 0x20000004)).isEqualTo(EPERM); // LEN3 = 10b
        assertThat(f.call("get_debugreg", 7)).isEqualTo(0x000D0401);
    }

    @Test
    void debugRegistersFourFiveAndAboveSevenDoNotExist() {
        PvFixture f = PvFixture.boot();
        for (int reg : new int[] {4, 5, 8, -1}) {
            assertThat(f.call("set_debugreg", reg, 0)).as("set DR%d", reg).isEqualTo(EINVAL);
            assertThat(f.call("get_debugreg", reg)).as("get DR%d", reg).isEqualTo(EINVAL);
        }
    }

    // ---------------------------------------------------------------- vm_assist

    @Test
    void vmAssistEnablesAndDisablesTheTypesOfA32BitGuest() {
        PvFixture f = PvFixture.boot();
        for (int t = 0; t <= VmAssist.VMASST_TYPE_RUNSTATE_UPDATE_FLAG; t++) {
            assertThat(f.call("vm_assist", VmAssist.VMASST_CMD_ENABLE, t)).isZero();
        }
        assertThat(f.d.vmAssist()).isEqualTo(0x3F);
        assertThat(f.call("vm_assist", VmAssist.VMASST_CMD_DISABLE, VmAssist.VMASST_TYPE_4GB_SEGMENTS)).isZero();
        assertThat(f.d.vmAssist()).isEqualTo(0x3E);
        assertThat(f.call("vm_assist", VmAssist.VMASST_CMD_ENABLE, VmAssist.VMASST_TYPE_M2P_STRICT))
            .isEqualTo(EINVAL);
        assertThat(f.call("vm_assist", VmAssist.VMASST_CMD_ENABLE, 6)).isEqualTo(EINVAL);
        assertThat(f.call("vm_assist", VmAssist.VMASST_CMD_ENABLE, -1)).isEqualTo(EINVAL);
        assertThat(f.call("vm_assist", 2, VmAssist.VMASST_TYPE_4GB_SEGMENTS)).isEqualTo(ENOSYS);
        assertThat(f.call("vm_assist", 2, 6)).isEqualTo(EINVAL); // the type is checked first
        assertThat(f.d.vmAssist()).isEqualTo(0x3E);
    }

    // ---------------------------------------------------------------- physdev_op

    @Test
    void physdevSetIopl() {
        PvFixture f = PvFixture.boot();
        int s = f.scratch();
        f.mem().write32(s, 3);
        assertThat(f.call("physdev_op", PhysdevOp.PHYSDEVOP_SET_IOPL, s)).isZero();
        assertThat(f.d.vcpu0.iopl()).isEqualTo(3);
        f.mem().write32(s, 4);
        assertThat(f.call("physdev_op", PhysdevOp.PHYSDEVOP_SET_IOPL, s)).isEqualTo(EINVAL);
        f.mem().write32(s, -1);
        assertThat(f.call("physdev_op", PhysdevOp.PHYSDEVOP_SET_IOPL, s)).isEqualTo(EINVAL);
        assertThat(f.call("physdev_op", PhysdevOp.PHYSDEVOP_SET_IOPL, 0xF5800000)).isEqualTo(EFAULT);
        assertThat(f.call("physdev_op", 99, s)).isEqualTo(ENOSYS);
        assertThat(f.d.vcpu0.iopl()).isEqualTo(3);
        f.mem().write32(s, 0);
        assertThat(f.call("physdev_op", PhysdevOp.PHYSDEVOP_SET_IOPL, s)).isZero();
        assertThat(f.d.vcpu0.iopl()).isZero();
    }

    @Test
    void physdevOpCompatReadsCommandAndArgumentFromOneStruct() {
        PvFixture f = PvFixture.boot();
        int s = f.scratch();
        f.mem().write32(s, PhysdevOp.PHYSDEVOP_SET_IOPL);
        f.mem().write32(s + 4, 2);
        assertThat(f.call("physdev_op_compat", s)).isZero();
        assertThat(f.d.vcpu0.iopl()).isEqualTo(2);
        f.mem().write32(s + 4, 7);
        assertThat(f.call("physdev_op_compat", s)).isEqualTo(EINVAL);
        f.mem().write32(s, 99);
        assertThat(f.call("physdev_op_compat", s)).isEqualTo(ENOSYS);
        assertThat(f.call("physdev_op_compat", 0xF5800000 - 8)).isEqualTo(EFAULT); // struct runs into Xen
        assertThat(f.d.vcpu0.iopl()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- privileged operations

    @Test
    void controlOperationsNeedPrivilege() {
        PvFixture f = PvFixture.boot();
        Domain dom0 = f.hv.domain(0);
        assertThat(dom0.privileged()).isTrue();
        for (String op : new String[] {"platform_op", "sysctl", "domctl"}) {
            assertThat(f.call(op, f.scratch())).as(op).isEqualTo(EPERM);
            int r = f.hv.hypercalls().invoke(new Call(f.hv, dom0, Hypercall.number(op), new int[5], f.mem()));
            assertThat(r).as(op + " for dom0").isEqualTo(ENOSYS);
        }
    }

    // ---------------------------------------------------------------- multicall

    /** Writes multicall entry {@code i} at {@code list}: op, result 0x55555555 (to see it overwritten), args. */
    private static void entry(PvFixture f, int list, int i, int op, int... args) {
        int e = list + 32 * i;
        f.mem().write32(e, op);
        f.mem().write32(e + 4, 0x55555555);
        for (int a = 0; a < 6; a++) {
            f.mem().write32(e + 8 + 4 * a, a < args.length ? args[a] : 0);
        }
    }

    private static int result(PvFixture f, int list, int i) {
        return f.mem().read32(list + 32 * i + 4);
    }

    private static int nr(String name) {
        return Hypercall.number(name);
    }

    @Test
    void multicallRunsEachEntryAndWritesItsResult() {
        PvFixture f = PvFixture.boot();
        int list = f.scratch();
        int text = f.scratch() + 4096;
        f.mem().write(text, "mc\n".getBytes());
        entry(f, list, 0, nr("console_io"), 0, 3, text);
        entry(f, list, 1, nr("xen_version"), 0, 0);
        entry(f, list, 2, nr("vm_assist"), 0, 99);
        entry(f, list, 3, 63);
        entry(f, list, 4, nr("multicall"), list, 1);
        entry(f, list, 5, nr("console_io"), 0, 3, text);
        assertThat(f.call("multicall", list, 6)).isZero();
        assertThat(f.d.console()).isEqualTo("mc\nmc\n");
        assertThat(result(f, list, 0)).isZero();
        assertThat(result(f, list, 1)).isEqualTo(f.call("xen_version", 0, 0)).isPositive();
        assertThat(result(f, list, 2)).isEqualTo(EINVAL);
        assertThat(result(f, list, 3)).isEqualTo(ENOSYS);
        assertThat(result(f, list, 4)).isEqualTo(EINVAL); // no nesting
        assertThat(result(f, list, 5)).isZero();
        assertThat(f.call("multicall", list, 0)).isZero();
    }

    @Test
    void multicallStopsWithEfaultAtAnUnreadableEntryOrUnwritableResult() {
        PvFixture f = PvFixture.boot();
        int page = f.scratch() + 4096;
        int text = f.scratch();
        f.mem().write(text, "x".getBytes());
        int list = page - 32; // entry 0 in the scratch buffer, entry 1 on the next page
        entry(f, list, 0, nr("console_io"), 0, 1, text);
        entry(f, list, 1, nr("console_io"), 0, 1, text);
        assertThat(f.call("multicall", 0xF5800000 - 32, 2)).isEqualTo(EFAULT);
        // Entry 1's page becomes read-only: it runs, but its result cannot be written.
        Cpu c = f.cpu();
        GuestFlavour fl = f.d.flavour();
        int l1 = PageTables.l1For(c.memory(), fl, c.cr(3) >>> 12, c.cr(3) & 0xFE0, page);
        long pte = PageTables.read(c.memory(), fl, l1, PageTables.l1Index(fl, page)) & ~PageTables.RW;
        assertThat(f.call("update_va_mapping", page, (int) pte, (int) (pte >>> 32), UvmFlags.UVMF_INVLPG)).isZero();
        assertThat(f.call("multicall", list, 2)).isEqualTo(EFAULT);
        assertThat(f.d.console()).isEqualTo("xx");
        assertThat(result(f, list, 0)).isZero();
        assertThat(result(f, list, 1)).isEqualTo(0x55555555);
    }

    @Test
    void multicallStopsWhenTheDomainDies() {
        PvFixture f = PvFixture.boot();
        int list = f.scratch();
        int reason = f.scratch() + 4096;
        f.mem().write32(reason, 0); // SHUTDOWN_poweroff
        f.mem().write(reason + 4, "no".getBytes());
        entry(f, list, 0, nr("sched_op"), 2, reason);
        entry(f, list, 1, nr("console_io"), 0, 2, reason + 4);
        f.call("multicall", list, 2);
        assertThat(f.d.dead()).isTrue();
        assertThat(f.d.console()).isEmpty();
    }

    /** Puts an iret frame [eax, eip, cs, eflags, esp, ss] at the guest's ESP (in the scratch buffer). */
    private static int iretFrame(PvFixture f, int eax, int eip, int cs, int esp, int ss) {
        int sp = f.scratch() + 8192;
        int[] frame = {eax, eip, cs, 0x202, esp, ss};
        for (int i = 0; i < frame.length; i++) {
            f.mem().write32(sp + 4 * i, frame[i]);
        }
        f.cpu().setReg(Cpu.ESP, sp);
        return sp;
    }

    @Test
    void anIretEntryIsPerformedAndEndsTheBatchAsAfterXsa213() {
        PvFixture f = PvFixture.boot();
        int target = f.cpu().eip();
        int userStack = f.scratch() + 12288;
        iretFrame(f, 0xdead, target, Selectors.FLAT_RING3_CS, userStack, Selectors.FLAT_RING3_DS);
        int list = f.scratch();
        entry(f, list, 0, nr("iret"));
        entry(f, list, 1, nr("xen_version"), 0, 0);
        assertThat(f.call("multicall", list, 2)).isEqualTo(0xdead);
        assertThat(f.cpu().cpl()).isEqualTo(3);
        assertThat(f.cpu().eip()).isEqualTo(target);
        assertThat(f.cpu().reg(Cpu.ESP)).isEqualTo(userStack);
        assertThat(result(f, list, 0)).isEqualTo(0xdead);
        assertThat(result(f, list, 1)).isEqualTo(0x55555555); // xen_version never ran in user context
        assertThat(f.d.dead()).isFalse();
    }

    @Test
    void multicallFromGuestCodeReturnsTheIretEaxAtTheIretTarget() {
        PvFixture f = PvFixture.boot(true, String.join("\n",
            "    mov esp, scratch + 8192",
            "    push dword 0x202",            // eflags
            "    push dword 0xe019",           // FLAT_RING1_CS
            "    push dword landed",           // eip
            "    push dword 0xdead",           // eax
            "    mov eax, 13",                 // multicall(list, 2)
            "    mov ebx, scratch",
            "    mov ecx, 2",
            "    int 0x82",
            "    mov edi, 0xbad",
            "    jmp $",
            "landed:",
            "    mov esi, eax",
            "    jmp $"));
        int list = f.scratch();
        entry(f, list, 0, nr("iret"));
        entry(f, list, 1, nr("xen_version"), 0, 0);
        f.run(200);
        assertThat(f.cpu().reg(Cpu.ESI)).isEqualTo(0xdead);
        assertThat(f.cpu().reg(Cpu.EDI)).isNotEqualTo(0xbad);
        assertThat(f.cpu().reg(Cpu.ESP)).isEqualTo(f.scratch() + 8192);
        assertThat(result(f, list, 1)).isEqualTo(0x55555555);
    }
}
