; directives.asm: every directive and data form of the supported NASM subset (no instructions).
; Compared byte for byte with `nasm -f bin`.

%include "consts.inc"

            org     0x8000
            bits    32

;-------------------------------------------------------------- numbers, strings, expressions
section .text
numbers:    dd      0x1f, 1fh, 0b101, 101b, 0o17, 17q, 17o, 10d, 0d10, 1_000_000, $0ff, 0y1010, 0t42
            dd      0bh, 0dh, 0bah, 1e3h
            dw      'ab', "c", `\n\x7f\101`
            db      'single', "double", `back\ttick\\`, 0
            dd      'abcde'
            dq      0x123456789abcdef0, -1
            dd      1.5, -0.375, 1e10, 3.0e-2
            dq      2.718281828459045, -1e-300
            db      ?, 1, ?
exprs:      dd      (1 + 2) * 3 - 4 / 2, 17 % 5, -17 // 5, -17 %% 5, 1 << 12 | 0xF, ~0x0F & 0xFF
            dd      100 >> 2, -100 >>> 2, 6 ^ 3, !0, !7, 3 == 3, 3 != 3, 2 < 3, 2 <= 1, 5 > 4, 5 >= 6
            dd      (1 && 2) + (0 || 3) + (1 ^^ 1), 'A' + 1, exprs - numbers, $ - $$, SIZE_K
here_len    equ     $ - numbers

;-------------------------------------------------------------- labels and local labels
outer:
.inner:     db      1
.inner2:    dd      .inner, outer.inner, .inner2 - .inner
other:
.inner:     dd      .inner
..@global_like: db  2
.after:     dd      other.after

;-------------------------------------------------------------- times, align, reservations
            times   5 db 0xAB
            times   3 dw $ - $$
            align   8
            db      3
            align   16, db 0
            db      4
            align   4, dw 0x5555
            alignb  8
            resb    3
            resw    2
pad_end:    times   256 - ($ - $$) % 256 db 0xCC

;-------------------------------------------------------------- struc / istruc
struc       hdr
.magic:     resd    1
.flags:     resw    1
.name:      resb    6
endstruc

header:     istruc  hdr
            at      hdr.magic, dd 0xFEEDF00D
            at      hdr.name, db "boot"
            iend
            dd      hdr_size, hdr.flags, hdr.name

absolute    0x4000
abs_a:      resd    1
abs_b:      resb    2

;-------------------------------------------------------------- incbin
section .data align=16
blob:       incbin  "blob.bin"
blob_tail:  incbin  "blob.bin", 10
blob_mid:   incbin  "blob.bin", 2, 3
            dd      abs_a, abs_b, blob_tail - blob
            dd      section..text.start, section..data.start

;-------------------------------------------------------------- preprocessor
%define     TWICE(x)    ((x) * 2)
%define     GREETING    "hi"
%xdefine    SNAP        INCLUDED
%assign     counter     0
%rep 4
            dw      TWICE(counter)
  %assign   counter     counter + 1
%endrep
%if counter == 4 && SNAP > 0
            db      GREETING, 0
%elif counter == 5
            db      "no"
%else
            db      "never"
%endif
%ifdef UNDEFINED_THING
            db      0xEE
%endif
%ifndef UNDEFINED_THING
            db      0xDD
%endif

%macro      table 2+
%%start:    db      %1
            db      %2
            dd      %%start, %0
%endmacro
%macro      opt 1-3 0x11, 0x22
            db      %1, %2, %3
%endmacro
            table   1, 2, 3, 4
            table   5, 6
            opt     1
            opt     1, 2
            opt     1, 2, 3

section .rodata
ro:         db      "read-only", 0
            align   4
            dd      ro, blob

section .bss
bss_start:  resb    100
            alignb  16
bss_buf:    resd    16
bss_end:

section .data
            dd      bss_start, bss_buf, bss_end - bss_start

;-------------------------------------------------------------- more spellings
[bits 32]
use32
segment .data
%define     GONE 1
%undef      GONE
%ifdef GONE
            db      0xBAD
%endif
%idefine    Shout   0x5A
            db      SHOUT, shout
%ifidn      Shout, 0x5A
            db      1
%endif
%macro      pick 1
  %if %1 == 1
            db      "one"
  %elif %1 == 2
            db      "two"
  %else
            db      "many"
  %endif
%endmacro
            pick    1
            pick    2
            pick    7
%rep 2
            dw      $ - $$
%endrep
            dd      __LINE__
