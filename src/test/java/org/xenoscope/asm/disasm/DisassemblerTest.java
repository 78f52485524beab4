package org.xenoscope.asm.disasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Formatting details of {@link Disassembler}, each one a byte string and the text objdump prints for it. */
class DisassemblerTest {
    private static final int AT = 0x1000;

    private static DisasmInsn one(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return new Disassembler().decode(b, 0, b.length, AT);
    }

    private static String text(String hex) {
        return one(hex).text();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "8b 4c b3 10             | mov    ecx,DWORD PTR [ebx+esi*4+0x10]",
        "8b 4c b3 f0             | mov    ecx,DWORD PTR [ebx+esi*4-0x10]",
        "8b 4d 00                | mov    ecx,DWORD PTR [ebp+0x0]",
        "8b 0c 24                | mov    ecx,DWORD PTR [esp]",
        "8d b4 26 00 00 00 00    | lea    esi,[esi+eiz*1+0x0]",
        "8b 04 25 78 56 34 12    | mov    eax,DWORD PTR [eiz*1+0x12345678]",
        "8b 04 8d 00 10 00 00    | mov    eax,DWORD PTR [ecx*4+0x1000]",
        "8b 83 00 00 00 80       | mov    eax,DWORD PTR [ebx-0x80000000]",
        "8b 0d 34 12 00 00       | mov    ecx,DWORD PTR ds:0x1234",
        "64 8b 00                | mov    eax,DWORD PTR fs:[eax]",
        "26 8b 0d 34 12 00 00    | mov    ecx,DWORD PTR es:0x1234",
        "67 8b 4b 04             | mov    ecx,DWORD PTR [bp+di+0x4]",
        "67 8b 0e 12 00          | mov    ecx,DWORD PTR ds:0x12",
        "a1 34 12 00 00          | mov    eax,ds:0x1234",
        "64 a2 12 00 00 00       | mov    fs:0x12,al",
        "67 a3 00 10             | addr16 mov ds:0x1000,eax",
        "66 c7 00 ff ff          | mov    WORD PTR [eax],0xffff",
        "83 c0 ff                | add    eax,0xffffffff",
        "66 83 c0 ff             | add    ax,0xffff",
        "6a ff                   | push   0xffffffff",
        "66 6a 12                | pushw  0x12",
        "66 06                   | pushw  es",
        "8e c0                   | mov    es,eax",
        "8c 18                   | mov    WORD PTR [eax],ds",
        "8e f0                   | mov    ?,eax",
        "0f 20 d8                | mov    eax,cr3",
        "66 0f 20 c0             | data16 mov eax,cr0",
        "c4 00                   | les    eax,FWORD PTR [eax]",
        "66 c5 00                | lds    ax,DWORD PTR [eax]",
        "ff 28                   | jmp    FWORD PTR [eax]",
        "ea 00 00 10 00 10 00    | jmp    0x10:0x100000",
        "0f c7 08                | cmpxchg8b QWORD PTR [eax]",
        "0f 01 10                | lgdtd  [eax]",
        "66 0f 01 08             | sidtw  [eax]",
        "0f 01 38                | invlpg BYTE PTR [eax]",
        "0f 00 00                | sldt   WORD PTR [eax]",
        "66 0f 00 c0             | sldt   ax",
        "a4                      | movs   BYTE PTR es:[edi],BYTE PTR ds:[esi]",
        "f3 a5                   | rep movs DWORD PTR es:[edi],DWORD PTR ds:[esi]",
        "f3 66 ab                | rep stos WORD PTR es:[edi],ax",
        "f3 a6                   | repz cmps BYTE PTR ds:[esi],BYTE PTR es:[edi]",
        "f2 af                   | repnz scas eax,DWORD PTR es:[edi]",
        "64 ad                   | lods   eax,DWORD PTR fs:[esi]",
        "67 6c                   | ins    BYTE PTR es:[di],dx",
        "64 aa                   | fs stos BYTE PTR es:[edi],al",
        "d7                      | xlat   BYTE PTR ds:[ebx]",
        "66 98                   | cbw",
        "99                      | cdq",
        "66 60                   | pushaw",
        "66 cf                   | iretw",
        "66 c2 04 00             | retw   0x4",
        "c8 10 00 01             | enter  0x10,0x1",
        "f3 c3                   | repz ret",
        "f2 c3                   | bnd ret",
        "66 90                   | xchg   ax,ax",
        "f3 90                   | pause",
        "d0 f0                   | shl    al,1",
        "d3 e0                   | shl    eax,cl",
        "f6 c8 01                | test   al,0x1",
        "82 c0 01                | add    al,0x1",
        "0f 1f 44 00 00          | nop    DWORD PTR [eax+eax*1+0x0]",
        "66 2e 0f 1f 84 00 00 00 00 00 | nop    WORD PTR cs:[eax+eax*1+0x0]",
        "f0 01 00                | lock add DWORD PTR [eax],eax",
        "f0 87 00                | lock xchg DWORD PTR [eax],eax",
        "f3 89 00                | xrelease mov DWORD PTR [eax],eax",
        "64 65 8b 00             | fs mov eax,DWORD PTR gs:[eax]",
        "2e 90                   | cs nop",
        "3e ff e0                | notrack jmp eax",
        "66 66 89 c0             | data16 mov ax,ax",
        "67 e3 fe                | jcxz   0x1001",
        "67 e2 fd                | addr16 loop 0x1000",
        "66 eb 0d                | data16 jmp 0x1010",
        "66 e9 10 00             | jmpw   0x1014",
        "66 0f 85 10 00          | jne    0x1015",
        "e8 fb 0f 00 00          | call   0x2000",
        "d9 00                   | fpu    [eax]",
        "d8 c1                   | fpu    st(1)",
    })
    void printsAsObjdump(String hex, String expected) {
        DisasmInsn in = one(hex);
        assertThat(in.text()).isEqualTo(expected);
        assertThat(in.length()).as("length").isEqualTo(hex.trim().split("\\s+").length);
        assertThat(in.valid()).isTrue();
    }

    @Test
    void structuredResultHasAddressBytesMnemonicOperandsAndBranchTarget() {
        DisasmInsn in = one("0f 85 fa 0f 00 00");
        assertThat(in.address()).isEqualTo(AT);
        assertThat(in.bytes()).containsExactly(0x0F, 0x85, 0xFA, 0x0F, 0x00, 0x00);
        assertThat(in.hexBytes()).isEqualTo("0f 85 fa 0f 00 00");
        assertThat(in.mnemonic()).isEqualTo("jne");
        assertThat(in.operands()).isEqualTo("0x2000");
        assertThat(in.target()).isEqualTo(OptionalInt.of(0x2000));
        assertThat(one("ff d0").target()).isEmpty();
        assertThat(one("f3 ab").mnemonic()).isEqualTo("rep stos");
    }

    @Test
    void sixteenBitBranchTargetsWrapLikeTheCpu() {
        byte[] b = HexFormat.of().parseHex("66e91000");
        DisasmInsn in = new Disassembler().decode(b, 0, b.length, 0x12340);
        assertThat(in.target()).isEqualTo(OptionalInt.of(0x2354));
        assertThat(in.text()).isEqualTo("jmpw   0x2354");
    }

    @Test
    void branchTargetsAreNamedBySymbols() {
        SymbolTable syms = SymbolTable.of(Map.of(0x1000, "start", 0x2000, "helper"));
        byte[] call = HexFormat.of().parseHex("e8fb0f0000e8fc0f0000");
        List<DisasmInsn> out = new Disassembler(syms).disassemble(call, 0x1000);
        assertThat(out.get(0).text()).isEqualTo("call   2000 <helper>");
        assertThat(out.get(1).text()).isEqualTo("call   2006 <helper+0x6>");
        assertThat(syms.describe(0xFF0)).isEqualTo("start-0x10");
        assertThat(syms.labelAt(0x2000)).isEqualTo("helper");
        assertThat(SymbolTable.NONE.describe(0x1000)).isNull();
    }

    @Test
    void undecodableBytesAreBadAndCoverOneByte() {
        List<DisasmInsn> out = new Disassembler().disassemble(HexFormat.of().parseHex("c6c8000f0b"), AT);
        assertThat(out).extracting(DisasmInsn::text)
            .containsExactly("(bad)", "enter  0xf00,0xb"); // c6 /1 is undefined; then c8 00 0f 0b
        assertThat(out.get(0).valid()).isFalse();
        assertThat(out.get(0).length()).isEqualTo(1);
        assertThat(text("f0 89 c0")).as("LOCK on a register destination: #UD").isEqualTo("(bad)");
        assertThat(text("0f 04")).isEqualTo("(bad)");
    }

    @Test
    void anInstructionCutOffByTheEndIsItsFirstByte() {
        assertThat(one("3d 30 78").text()).isEqualTo(".byte 0x3d");
        assertThat(one("3d 30 78").length()).isEqualTo(1);
        assertThat(one("66 b8 12").text()).isEqualTo("data16");
        assertThat(one("f3").text()).isEqualTo("repz");
        List<DisasmInsn> out = new Disassembler().disassemble(HexFormat.of().parseHex("90e8"), AT);
        assertThat(out).extracting(DisasmInsn::text).containsExactly("nop", ".byte 0xe8");
    }

    @Test
    void aByteSourceCanEndAnywhere() {
        Disassembler d = new Disassembler();
        Disassembler.ByteSource mem = a -> a >= 0x2000 && a < 0x2002 ? 0xB8 : -1;
        assertThat(d.decode(mem, 0x2000).text()).isEqualTo(".byte 0xb8");
        assertThatThrownBy(() -> d.decode(mem, 0x3000)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("0x00003000");
    }

    @Test
    void randomBytesNeverThrowAndAlwaysAdvance() {
        Random r = new Random(1);
        byte[] junk = new byte[200_000];
        r.nextBytes(junk);
        List<DisasmInsn> out = new Disassembler().disassemble(junk, 0xFFFF0000);
        int total = out.stream().mapToInt(DisasmInsn::length).sum();
        assertThat(total).isEqualTo(junk.length);
        assertThat(out).allSatisfy(in -> assertThat(in.length()).isBetween(1, 15));
    }
}
