package org.xenoscope.xen.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HypercallTest {
    @Test
    void everyNumberOfTheAbiSheetHasARowAndNoOtherDoes() {
        List<Integer> expected = new ArrayList<>();
        IntStream.rangeClosed(0, 42).filter(n -> n != 11).forEach(expected::add);
        IntStream.rangeClosed(48, 55).forEach(expected::add);
        assertThat(Hypercall.TABLE).extracting(Hypercall.Row::number).containsExactlyElementsOf(expected);
        assertThat(Hypercall.byNumber(11)).isEmpty();
        assertThat(Hypercall.byNumber(43)).isEmpty();
        assertThat(Hypercall.byNumber(-1)).isEmpty();
    }

    @Test
    void lookupsByNumberAndName() {
        assertThat(Hypercall.byNumber(1)).get().extracting(Hypercall.Row::name).isEqualTo("mmu_update");
        assertThat(Hypercall.byName("iret")).get().extracting(Hypercall.Row::number).isEqualTo(23);
        assertThat(Hypercall.number("sched_op")).isEqualTo(29);
        assertThat(Hypercall.number("sched_op_compat")).isEqualTo(6);
        assertThat(Hypercall.number("event_channel_op")).isEqualTo(32);
        assertThat(Hypercall.number("arch_7")).isEqualTo(55);
        assertThat(Hypercall.byName("pt_update")).isEmpty();
        assertThatThrownBy(() -> Hypercall.number("nope")).hasMessage("unknown hypercall: nope");
    }

    @Test
    void rowsHaveAtMostFiveArgumentsAndADescription() {
        for (Hypercall.Row r : Hypercall.TABLE) {
            assertThat(r.args()).as(r.name()).hasSizeLessThanOrEqualTo(5);
            assertThat(r.description()).as(r.name()).isNotBlank();
        }
        assertThat(Hypercall.byName("update_va_mapping_otherdomain").orElseThrow().args()).hasSize(5);
    }

    @Test
    void describeMmuUpdate() {
        assertThat(Hypercall.describe(1, new int[] {0x0012f000, 3, 0x0012eff8, DomId.DOMID_SELF, 0}))
            .isEqualTo("mmu_update(req=0x0012f000, count=3, pdone=0x0012eff8, foreign_dom=DOMID_SELF)");
    }

    @Test
    void describeDecodesSubCommandsFlagsSelectorsAndDomids() {
        assertThat(Hypercall.describe(29, new int[] {2, 0x1000})).isEqualTo("sched_op(cmd=SCHEDOP_shutdown, arg=0x00001000)");
        assertThat(Hypercall.describe(18, new int[] {0, 12, 0x105000}))
            .isEqualTo("console_io(cmd=CONSOLEIO_write, count=12, buffer=0x00105000)");
        assertThat(Hypercall.describe(14, new int[] {0x2000, 0x1234067, 0, 2}))
            .isEqualTo("update_va_mapping(va=0x00002000, pte_lo=0x01234067, pte_hi=0x00000000, flags=UVMF_INVLPG)");
        assertThat(Hypercall.describe(3, new int[] {0xe021, 0x7000}))
            .isEqualTo("stack_switch(ss=0xe021, esp=0x00007000)");
        assertThat(Hypercall.describe(21, new int[] {0, 4}))
            .isEqualTo("vm_assist(cmd=VMASST_CMD_enable, type=VMASST_TYPE_architectural_iopl)");
        assertThat(Hypercall.describe(32, new int[] {99, 0})).isEqualTo("event_channel_op(cmd=99, arg=0x00000000)");
        assertThat(Hypercall.describe(41, new int[] {3, 1, 0x10})).startsWith("dm_op(domid=3, nr_bufs=1,");
        assertThat(Hypercall.describe(23, new int[] {1, 2, 3})).isEqualTo("iret()");
    }

    @Test
    void describeRendersEveryRowForAnyArguments() {
        int[][] samples = {{0, 0, 0, 0, 0}, {-1, -1, -1, -1, -1}, {0x7ff0, 7, 0xe019, 0x80000003, 12345}};
        for (Hypercall.Row r : Hypercall.TABLE) {
            for (int[] a : samples) {
                String d = Hypercall.describe(r.number(), a);
                assertThat(d).startsWith(r.name() + "(").endsWith(")").doesNotContain("?");
                for (Hypercall.Arg arg : r.args()) {
                    assertThat(d).contains(arg.name() + "=");
                }
            }
        }
    }

    @Test
    void describeUnknownAndShortArgumentLists() {
        assertThat(Hypercall.describe(99, new int[] {1, 0xffffffff}))
            .isEqualTo("hypercall_99(0x00000001, 0xffffffff)");
        assertThat(Hypercall.describe(13, new int[] {0x3000})).isEqualTo("multicall(call_list=0x00003000, nr_calls=?)");
    }

    @Test
    void uvmFlagsRendering() {
        assertThat(UvmFlags.describe(0)).isEqualTo("UVMF_NONE");
        assertThat(UvmFlags.describe(UvmFlags.UVMF_TLB_FLUSH | UvmFlags.UVMF_ALL)).isEqualTo("UVMF_TLB_FLUSH|UVMF_ALL");
        assertThat(UvmFlags.describe(0x00123000 | UvmFlags.UVMF_INVLPG))
            .isEqualTo("UVMF_INVLPG|UVMF_MULTI(0x00123000)");
    }

    @Test
    void errnoNamesAndValues() {
        assertThat(Errno.name(-22)).isEqualTo("EINVAL");
        assertThat(Errno.name(-38)).isEqualTo("ENOSYS");
        assertThat(Errno.name(-1)).isEqualTo("EPERM");
        assertThat(Errno.name(0)).isEqualTo("0");
        assertThat(Errno.name(-15)).isEqualTo("-15");
        assertThat(Errno.name(22)).isEqualTo("22");
        assertThat(Errno.EFAULT.negative()).isEqualTo(-14);
        assertThat(Errno.fromNegative(-95)).contains(Errno.EOPNOTSUPP);
        // exactly the list of the ABI sheet section 3.3, in its order
        String sheet = "EPERM 1, ENOENT 2, ESRCH 3, EINTR 4, EIO 5, ENXIO 6, E2BIG 7, ENOEXEC 8, EBADF 9, ECHILD 10, "
            + "EAGAIN 11, ENOMEM 12, EACCES 13, EFAULT 14, EBUSY 16, EEXIST 17, EXDEV 18, ENODEV 19, EINVAL 22, "
            + "ENFILE 23, EMFILE 24, ENOSPC 28, EROFS 30, EMLINK 31, EDOM 33, ERANGE 34, EDEADLK 35, "
            + "ENAMETOOLONG 36, ENOLCK 37, ENOSYS 38, ENOTEMPTY 39, ENODATA 61, ETIME 62, EBADMSG 74, "
            + "EOVERFLOW 75, EILSEQ 84, ERESTART 85, ENOTSOCK 88, EMSGSIZE 90, EOPNOTSUPP 95";
        List<String> ours = new ArrayList<>();
        for (Errno e : Errno.values()) {
            ours.add(e.name() + " " + e.value());
        }
        assertThat(String.join(", ", ours)).isEqualTo(sheet);
    }

    @Test
    void constantSetsUseXenSpelling() {
        assertThat(SchedOp.NAMES.name(0)).contains("SCHEDOP_yield");
        assertThat(MmuextCmd.NAMES.name(5)).contains("MMUEXT_NEW_BASEPTR");
        assertThat(VmAssist.TYPE_NAMES.name(0)).contains("VMASST_TYPE_4gb_segments");
        assertThat(EvtchnOp.NAMES.name(6)).contains("EVTCHNOP_alloc_unbound");
        assertThat(DomId.name(DomId.DOMID_SELF)).isEqualTo("DOMID_SELF");
        assertThat(DomId.name(DomId.DOMID_IDLE)).isEqualTo("DOMID_IDLE");
        assertThat(DomId.name(7)).isEqualTo("7");
        assertThat(ConstantSet.xenName("VIRQ_TIMER")).isEqualTo("VIRQ_TIMER");
        assertThat(ConstantSet.xenName("PHYSDEVOP_SET_IOPL")).isEqualTo("PHYSDEVOP_set_iopl");
        assertThat(SchedOp.NAMES.nameOrNumber(42)).isEqualTo("42");
        assertThatThrownBy(() -> ConstantSet.of(SchedOp.class, "NOPE_")).isInstanceOf(IllegalArgumentException.class);
    }
}
