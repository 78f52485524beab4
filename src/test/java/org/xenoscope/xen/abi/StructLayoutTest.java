package org.xenoscope.xen.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xenoscope.xen.abi.StructLayout.Field;
import org.xenoscope.xen.abi.StructLayout.Kind;

class StructLayoutTest {
    @Test
    void everyLayoutIsSortedContiguousAndCoversItsSize() {
        assertThat(Structs.all()).hasSizeGreaterThanOrEqualTo(40);
        Set<String> names = new HashSet<>();
        for (StructLayout l : Structs.all()) {
            assertThat(names.add(l.name())).as("duplicate layout %s", l.name()).isTrue();
            int at = 0;
            for (Field f : l.fields()) {
                assertThat(f.offset()).as("%s.%s starts where the previous field ends", l.name(), f.name()).isEqualTo(at);
                assertThat(f.size()).as("%s.%s size", l.name(), f.name()).isPositive();
                at = f.end();
            }
            assertThat(at).as("%s: fields add up to its size", l.name()).isEqualTo(l.size());
        }
    }

    @Test
    void kindsMatchSizesAndNaturalAlignmentOfI386() {
        for (StructLayout l : Structs.all()) {
            for (Field f : l.fields()) {
                int want = switch (f.kind()) {
                    case U8, S8 -> 1;
                    case U16, S16 -> 2;
                    case U32 -> 4;
                    case U64 -> 8;
                    case STRUCT -> f.nested().size();
                    default -> f.size();
                };
                assertThat(f.size()).as("%s.%s", l.name(), f.name()).isEqualTo(want);
                if (f.kind() == Kind.U16 || f.kind() == Kind.S16) {
                    assertThat(f.offset() % 2).as("%s.%s alignment", l.name(), f.name()).isZero();
                }
                if (f.kind() == Kind.U32 || f.kind() == Kind.U64) {
                    assertThat(f.offset() % 4).as("%s.%s alignment (u64 is 4-aligned on i386)", l.name(), f.name())
                        .isZero();
                }
                if (f.kind() == Kind.ARRAY && f.nested() != null) {
                    assertThat(f.size() % f.nested().size()).as("%s.%s element multiple", l.name(), f.name()).isZero();
                }
            }
        }
    }

    @Test
    void sheetOffsetsOfTheSharedStructures() {
        assertThat(Structs.START_INFO.size()).isEqualTo(1112);
        assertThat(Structs.START_INFO.offsetOf("shared_info")).isEqualTo(36);
        assertThat(Structs.START_INFO.offsetOf("console.domU.evtchn")).isEqualTo(56);
        assertThat(Structs.START_INFO.offsetOf("mfn_list")).isEqualTo(68);
        assertThat(Structs.START_INFO.offsetOf("cmd_line")).isEqualTo(80);
        assertThat(Structs.START_INFO.offsetOf("nr_p2m_frames")).isEqualTo(1108);
        assertThat(Structs.SHARED_INFO.size()).isEqualTo(2344);
        assertThat(Structs.SHARED_INFO.offsetOf("evtchn_mask")).isEqualTo(2176);
        assertThat(Structs.SHARED_INFO.offsetOf("wc_nsec")).isEqualTo(2312);
        assertThat(Structs.SHARED_INFO.offsetOf("arch.pfn_to_mfn_frame_list_list")).isEqualTo(2320);
        assertThat(Structs.SHARED_INFO.offsetOf("arch.wc_sec_hi")).isEqualTo(2340);
        assertThat(Structs.SHARED_INFO.offsetOf("vcpu_info.time.system_time")).isEqualTo(48);
        assertThat(Structs.VCPU_INFO.offsetOf("arch.cr2")).isEqualTo(8);
        assertThat(Structs.VCPU_INFO.field("time.tsc_shift").kind()).isEqualTo(Kind.S8);
        assertThat(Structs.VCPU_INFO.offsetOf("time.tsc_shift")).isEqualTo(60);
        assertThat(Structs.VCPU_GUEST_CONTEXT.offsetOf("user_regs.eip")).isEqualTo(516 + 32);
        assertThat(Structs.VCPU_GUEST_CONTEXT.offsetOf("ctrlreg")).isEqualTo(2716);
        assertThat(OpStructs.EVTCHN_STATUS.offsetOf("u")).isEqualTo(16);
        assertThat(OpStructs.GNTTAB_MAP_GRANT_REF.offsetOf("dev_bus_addr")).isEqualTo(24);
        assertThat(OpStructs.XENCONS_INTERFACE.offsetOf("out_prod")).isEqualTo(3084);
        assertThat(OpStructs.XEN_COMPILE_INFO.offsetOf("compile_date")).isEqualTo(112);
        assertThatThrownBy(() -> Structs.START_INFO.offsetOf("console_mfn"))
            .hasMessage("start_info has no field console_mfn");
    }
}
