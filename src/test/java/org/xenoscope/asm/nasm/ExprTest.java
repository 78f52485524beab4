package org.xenoscope.asm.nasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprTest {
    private static final SourceFile F = new SourceFile("t.asm", null, List.of());
    private static final Section TEXT = new Section(".text", 0);
    private static final Section DATA = new Section(".data", 1);

    /** Symbols: a = 0x1000 and b = 0x1010 in .text, d = 0x2000 in .data, k = 7 plain; $ = 0x1008. */
    private static final Eval.Env ENV = new Eval.Env() {
        @Override
        public Val symbol(String name, SrcPos pos) {
            return switch (name) {
                case "a" -> new Val(0x1000, TEXT, true);
                case "b" -> new Val(0x1010, TEXT, true);
                case "d" -> new Val(0x2000, DATA, true);
                case "k" -> Val.num(7);
                default -> Val.UNKNOWN;
            };
        }

        @Override
        public Val here(boolean start, SrcPos pos) {
            return new Val(start ? 0x1000 : 0x1008, TEXT, true);
        }
    };

    private static Val eval(String s) {
        Cursor c = new Cursor(Lexer.lex(F, 1, s), new SrcPos(F, 1, s.length() + 1));
        Expr e = new ExprParser(c, Token::text).parse();
        assertThat(c.atEnd()).as("whole expression parsed").isTrue();
        return new Eval(ENV).eval(e);
    }

    private static long v(String s) {
        return eval(s).value();
    }

    @Test
    void precedenceAsNasm() {
        assertThat(v("1 + 2 * 3")).isEqualTo(7);
        assertThat(v("(1 + 2) * 3")).isEqualTo(9);
        assertThat(v("1 << 2 + 1")).isEqualTo(8);
        assertThat(v("6 & 3 | 8")).isEqualTo(10);
        assertThat(v("1 | 2 ^ 3 & 4")).isEqualTo(3);
        assertThat(v("-2 * -3")).isEqualTo(6);
        assertThat(v("~0 & 0xff")).isEqualTo(255);
        assertThat(v("1 + 1 == 2 && 3 > 2")).isEqualTo(1);
        assertThat(v("!5 || 0")).isZero();
    }

    @Test
    void signedAndUnsignedDivision() {
        assertThat(v("-1 / 2")).isEqualTo(Long.MAX_VALUE);
        assertThat(v("-7 // 2")).isEqualTo(-3);
        assertThat(v("-7 %% 3")).isEqualTo(-1);
        assertThat(v("-7 % 3")).isEqualTo(Long.remainderUnsigned(-7, 3));
        assertThat(v("-16 >> 60")).isEqualTo(15);
        assertThat(v("-16 >>> 2")).isEqualTo(-4);
        assertThatThrownBy(() -> v("1 / 0")).isInstanceOf(SyntaxError.class).hasMessage("division by zero");
        assertThat(eval("1 / nothing").known()).isFalse();
    }

    @Test
    void characterConstantsAreLittleEndian() {
        assertThat(v("'ab'")).isEqualTo(0x6261);
        assertThat(v("'a' + 1")).isEqualTo(0x62);
        assertThatThrownBy(() -> v("'123456789'")).hasMessageContaining("longer than 8 bytes");
    }

    @Test
    void labelsAreRelocatableTheirDifferenceIsNot() {
        assertThat(eval("a").relocatable()).isTrue();
        assertThat(eval("a + 4").section()).isSameAs(TEXT);
        assertThat(eval("b - a").relocatable()).isFalse();
        assertThat(v("b - a")).isEqualTo(0x10);
        assertThat(eval("$ - $$").relocatable()).isFalse();
        assertThat(eval("d - a").section()).isSameAs(Section.MIXED);
        assertThat(eval("a * 2").section()).isSameAs(Section.MIXED);
        assertThat(eval("k * 2").relocatable()).isFalse();
    }

    @Test
    void unknownSymbolsMakeUnknownValues() {
        assertThat(eval("zz + 1").known()).isFalse();
        assertThat(eval("k + 1").known()).isTrue();
        assertThat(eval("zz - yy").known()).as("NASM: two unknown symbols cancel").isTrue();
        assertThat(eval("zz - yy + xx").known()).isFalse();
        assertThat(eval("(zz - yy) * 2").known()).isTrue();
    }

    @Test
    void memoryExpressionsCollectRegisters() {
        Cursor c = new Cursor(Lexer.lex(F, 1, "ebx*2 + eax + k - 1 + ebx"), new SrcPos(F, 1, 1));
        Eval.Linear l = new Eval(ENV).linear(new ExprParser(c, Token::text).parse());
        assertThat(l.regs()).containsExactly(Map.entry(Register.EBX, 3L), Map.entry(Register.EAX, 1L));
        assertThat(l.constant().value()).isEqualTo(6);
        Cursor bad = new Cursor(Lexer.lex(F, 1, "eax*ebx"), new SrcPos(F, 1, 1));
        assertThatThrownBy(() -> new Eval(ENV).linear(new ExprParser(bad, Token::text).parse()))
            .hasMessageContaining("register times a register");
        assertThatThrownBy(() -> v("eax + 1")).hasMessageContaining("register `eax' is not allowed");
    }

    @Test
    void syntaxErrors() {
        assertThatThrownBy(() -> v("(1 + 2")).hasMessage("expecting `)'");
        assertThatThrownBy(() -> v("1 +")).hasMessage("expression expected at end of line");
        assertThatThrownBy(() -> v("%1")).hasMessage("`%1': not in a macro call");
    }
}
