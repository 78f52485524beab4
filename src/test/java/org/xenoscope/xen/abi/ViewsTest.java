package org.xenoscope.xen.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xenoscope.machine.mem.PhysicalMemory;

class ViewsTest {
    private final PhysicalMemory mem = new PhysicalMemory(1 << 20);

    @Test
    void startInfoWritesAtTheAbiOffsets() {
        int at = 0x5000;
        StartInfo si = StartInfo.at(mem, at).setMagic(StartInfoFlags.MAGIC_PAE).setNrPages(0x8000)
            .setSharedInfo(0x7f000).setFlags(StartInfoFlags.SIF_INITDOMAIN).setConsoleMfn(0x123)
            .setConsoleEvtchn(2).setPtBase(0x400000).setMfnList(0x120000).setCmdLine("hypercall");
        assertThat(mem.readDword(at + 32)).isEqualTo(0x8000);
        assertThat(mem.readDword(at + 36)).isEqualTo(0x7f000);
        assertThat(mem.readDword(at + 40)).isEqualTo(2);
        assertThat(mem.readDword(at + 52)).isEqualTo(0x123);
        assertThat(mem.readDword(at + 56)).isEqualTo(2);
        assertThat(mem.readDword(at + 60)).isEqualTo(0x400000);
        assertThat(mem.readDword(at + 68)).isEqualTo(0x120000);
        assertThat(new String(mem.read(at, 16), java.nio.charset.StandardCharsets.ISO_8859_1))
            .isEqualTo("xen-3.0-x86_32p\0");
        assertThat(mem.readByte(at + 80)).isEqualTo('h');
        StartInfo back = StartInfo.at(mem, at);
        assertThat(back.magic()).isEqualTo("xen-3.0-x86_32p");
        assertThat(back.cmdLine()).isEqualTo("hypercall");
        assertThat(back.nrPages()).isEqualTo(0x8000);
        assertThat(back.consoleEvtchn()).isEqualTo(2);
        assertThat(si.get("flags")).isEqualTo(2);
    }

    @Test
    void stringsAreCutAndTerminated() {
        StartInfo si = StartInfo.at(mem, 0x6000);
        si.setCmdLine("x".repeat(2000));
        assertThat(si.cmdLine()).hasSize(1023);
        assertThat(mem.readByte(0x6000 + 80 + 1023)).isZero();
        si.setCmdLine("short");
        assertThat(si.cmdLine()).isEqualTo("short");
        assertThat(mem.readByte(0x6000 + 80 + 6)).isZero();
        assertThatThrownBy(() -> si.getString("nr_pages")).hasMessageContaining("not a char array");
        assertThatThrownBy(() -> si.get("magic")).hasMessageContaining("not an integer field");
    }

    @Test
    void sharedInfoBitsAndVcpuSlots() {
        int at = 0x9000;
        SharedInfo sh = SharedInfo.at(mem, at);
        assertThat(sh.testAndSetPending(33)).isFalse();
        assertThat(sh.testAndSetPending(33)).isTrue();
        assertThat(mem.readDword(at + 2048 + 4)).isEqualTo(1 << 1);
        assertThat(sh.isPending(33)).isTrue();
        sh.clearPending(33);
        assertThat(sh.isPending(33)).isFalse();
        sh.setMasked(1023, true);
        assertThat(mem.readDword(at + 2176 + 124)).isEqualTo(0x80000000);
        assertThat(sh.isMasked(1023)).isTrue();
        sh.setWcSec(1234);
        assertThat(mem.readDword(at + 2308)).isEqualTo(1234);
        sh.setMaxPfn(0x8000);
        assertThat(mem.readDword(at + 2316)).isEqualTo(0x8000);

        VcpuInfo v1 = sh.vcpu(1);
        assertThat(v1.address()).isEqualTo(at + 64);
        v1.setUpcallMask(true);
        v1.setPendingSel(0x5);
        v1.setCr2(0xdeadb000);
        v1.setSystemTime(0x1_0000_0002L);
        v1.setTscShift(-1);
        assertThat(mem.readByte(at + 64 + 1)).isEqualTo(1);
        assertThat(mem.readDword(at + 64 + 4)).isEqualTo(5);
        assertThat(mem.readDword(at + 64 + 8)).isEqualTo(0xdeadb000);
        assertThat(mem.readQword(at + 64 + 48)).isEqualTo(0x1_0000_0002L);
        assertThat(v1.tscShift()).isEqualTo(-1);
        assertThat(sh.vcpu(0).upcallMask()).isFalse();
        assertThatThrownBy(() -> sh.vcpu(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
