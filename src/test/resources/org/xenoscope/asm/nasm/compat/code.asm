; code.asm: instruction operands as the front end hands them to the encoder: branches (short, near, forward,
; backward, other sections), effective addresses, size keywords, strict, segment overrides and prefixes.
; Compared byte for byte with `nasm -f bin`.

            bits    32
            org     0x100000

FWD_K       equ     FWD_CONST           ; forward reference through an equ

start:
            jmp     .fwd_short          ; forward, in reach: short after pass 2
            jmp     far_label           ; forward, out of reach: near
            jz      .fwd_short
            jnz     far_label
            call    function
            jmp     0x100000            ; a plain number: always near
            jmp     other_section       ; into another section: near
            jmp     short .fwd_short
            jmp     near .fwd_short
.fwd_short: nop
.back:      dec     ecx
            jnz     .back               ; backward, short
            loop    .back
            jecxz   .back
            jmp     $+2
            jmp     $

; immediates: plain numbers shrink, labels never do
            push    1
            push    byte 1
            push    dword 1
            push    strict dword 1
            push    start
            push    FWD_K
            push    data_end - data_start
            add     eax, 4
            add     eax, 400
            add     ebx, FWD_K
            add     ebx, start
            mov     eax, start
            mov     ecx, FWD_K
            cmp     byte [ebx], 1
            mov     word [eax], 0x1234
            mov     dword [eax], start
            imul    eax, ebx, 10
            and     edx, -8

; effective addresses
            mov     ecx, [ebx+eax]
            mov     ecx, [eax+ebx]
            mov     ecx, [eax*2]
            mov     ecx, [ebx*3]
            mov     ecx, [ecx*5+4]
            mov     ecx, [esp+eax]
            mov     ecx, [eax+esp]
            mov     ecx, [eax+eax]
            mov     ecx, [ebp+ebx]
            mov     ecx, [edx*4+ebp]
            mov     ecx, [nosplit eax*2]
            mov     ecx, [eax*2+ebx*1]
            mov     ecx, [ebx*2+eax]
            mov     ecx, [byte eax]
            mov     ecx, [dword eax+1]
            mov     ecx, [esp]
            mov     ecx, [ebp]
            mov     ecx, [ebp-4]
            mov     ecx, [esi+128]
            mov     ecx, [edi-128]
            mov     ecx, [table]
            mov     ecx, [table+eax*4]
            mov     ecx, [ebx+table]
            mov     ecx, [ebx + data_end - data_start]
            mov     ecx, [ebx + FWD_K]
            mov     eax, [0x1000]
            mov     [0x1000], al
            lea     esi, [esi+edi*8+16]
            mov     ecx, [fs:eax]
            mov     ecx, fs:[eax]
            mov     ecx, [es:0x10]
            mov     ecx, [gs:table+ecx*2]

; prefixes and system instructions
            rep     movsd
            rep     stosb
            repne   scasb
            lock    xadd [ebx], eax
            lock    inc dword [counter]
            o16     mov ax, bx
            mov     ax, [ebx]
            mov     cr0, eax
            mov     eax, cr3
            in      al, 0x60
            out     0xF4, al
            in      eax, dx
            jmp     0x08:.far_target
.far_target:
            jmp     far [eax]
            call    far [ebx+4]
            int     0x80
            iretd
            times   3 nop
            align   16

function:   push    ebp
            mov     ebp, esp
            mov     eax, [ebp+8]
            pop     ebp
            ret     4

%macro      twice 1
            %1
            %1
%endmacro
            twice   nop
            twice   {add eax, 1}

            times   200 db 0x90
far_label:  ret

FWD_CONST   equ     7

section .data
data_start:
table:      dd      start, function, far_label, .last
.last:      dd      0
counter:    dd      0
data_end:

section .text2
other_section:
            jmp     start
            ret
