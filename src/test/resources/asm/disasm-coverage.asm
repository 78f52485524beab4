; Instruction coverage for the disassembler: every row of the instruction table (except the x87 escapes) at
; least once, in the forms NASM writes, plus 16-bit operand and address sizes, segment overrides and prefixes.
; Encodings NASM never chooses (the 82 and F6 /1 aliases, SAL's /6, the direction-bit twins) are written with db.
; ObjdumpCrossCheckTest assembles this with nasm -f bin and compares Xenoscope's disassembly with objdump's.
bits 32
org 0x00401000

start:
; ---- data movement
    mov bl, cl
    mov ebx, ecx
    mov cx, bx
    mov cl, [ebx]
    mov ecx, [ebx+esi*4+0x10]
    mov cx, [bp+di+4]
    db 0x8a, 0xcb                       ; mov cl, bl with the direction bit set
    db 0x8b, 0xcb
    mov eax, ds
    mov ax, es
    mov [eax], ss
    mov ds, ax
    mov es, [ebx]
    mov fs, eax
    mov al, [0x1234]
    mov eax, [0x5678]
    mov ax, [0x9abc]
    mov [0x1234], al
    mov [0x12345678], eax
    mov eax, [fs:0x10]
    a16 mov eax, [0x10]
    mov cl, 0x12
    mov bh, -1
    mov ebx, 0x12345678
    mov si, 0xffff
    mov byte [eax], 0x12
    mov dword [ebx+4], -1
    mov word [ecx], 0x1234
    mov eax, cr0
    mov cr3, ebx
    mov cr4, eax
    mov edx, cr2
    mov eax, dr6
    mov dr7, ecx
    movzx eax, byte [ebx]
    movzx eax, word [ebx]
    movzx ax, bl
    movsx edx, cl
    movsx ecx, word [esi-8]
    lea eax, [ebx+ecx*8+0x100]
    lea esi, [esi*2]
    lea ax, [bx+si+3]
    xchg ebx, eax
    xchg ax, cx
    xchg [eax], bl
    xchg [eax], ebx
    lock xchg [eax], ecx
    xadd [ebx], cl
    lock xadd [ebx], ecx
    cmpxchg [ecx], dl
    lock cmpxchg [ecx], edx
    cmpxchg8b [esi]
    lock cmpxchg8b [esi]
    bswap eax
    bswap edi
    push ebx
    push word bx
    push dword [ebx]
    push word [ebx]
    push byte -2
    push dword 0x12345678
    push word 0x1234
    pop ecx
    pop dword [ecx]
    pop word [ecx]
    push es
    push cs
    push ss
    push ds
    push fs
    push gs
    pop es
    pop ss
    pop ds
    pop fs
    pop gs
    o16 push es
    o16 pop gs
    pusha
    pushaw
    popa
    popaw
    pushf
    pushfw
    popf
    popfw
    lahf
    sahf
%assign cc 0
%rep 16
    db 0x0f, 0x40 + cc, 0xc1            ; cmovcc eax, ecx
    db 0x0f, 0x40 + cc, 0x03            ; cmovcc eax, [ebx]
    db 0x0f, 0x90 + cc, 0xc0            ; setcc al
    db 0x0f, 0x90 + cc, 0x00            ; setcc [eax]
%assign cc cc + 1
%endrep
    cmovne ax, [esi]
    cwde
    cbw
    cdq
    cwd
    les eax, [ebx]
    lds si, [ebx]
    lss esp, [ecx]
    lfs eax, [edx]
    lgs ebx, [esp+4]
    xlatb
    es xlatb

; ---- arithmetic
%macro alu 2                            ; %1 = mnemonic, %2 = /digit
    %1 bl, cl
    %1 ebx, ecx
    %1 cl, [ebx]
    %1 ecx, [ebx+4]
    %1 al, 0x12
    %1 eax, 0x12345678
    %1 ax, 0x1234
    %1 byte [eax], 0x12
    %1 dword [eax], 0x12345678
    %1 word [eax], 0x1234
    db 0x82, 0xc0 + %2 * 8, 0x12        ; %1 al, 0x12 with the 82 alias
    db 0x82, 0x00 + %2 * 8, 0x80        ; %1 byte [eax], 0x80
    %1 dword [eax], byte 0x12
    %1 esi, byte -3
    %1 word [ebx+esi*2+8], byte -3
    db 0x02 + %2 * 8, 0xcb              ; %1 cl, bl with the direction bit set
    db 0x03 + %2 * 8, 0xcb
%endmacro
    alu add, 0
    alu or, 1
    alu adc, 2
    alu sbb, 3
    alu and, 4
    alu sub, 5
    alu xor, 6
    alu cmp, 7
    lock add [eax], ebx
    lock sub dword [ebx], 5
    lock or byte [ecx], 1
    lock adc [eax], bx
    lock sbb [eax], cl
    lock and dword [edx], 0x12345678
    lock xor [edi], esi
    test bl, cl
    test ebx, ecx
    test al, 0x12
    test eax, 0x12345678
    test ax, 0x1234
    test byte [eax], 0x12
    test dword [eax], 0x12345678
    db 0xf6, 0xc8, 0x12                 ; test al, 0x12 with the F6 /1 alias
    db 0xf7, 0x08, 0x78, 0x56, 0x34, 0x12
    inc eax
    inc si
    dec edi
    dec cx
    inc byte [eax]
    dec byte [eax]
    inc dword [eax]
    dec word [eax]
    lock inc dword [eax]
    not bl
    not dword [eax]
    neg cl
    neg word [ebx]
    lock neg dword [ebx]
    lock not byte [ebx]
    mul bl
    mul dword [eax]
    imul cl
    imul dword [eax]
    imul eax, ebx
    imul ecx, [esi]
    imul eax, ebx, 5
    imul eax, ebx, -5
    imul eax, [ebx], 0x12345
    imul ax, bx, 0x1234
    div byte [eax]
    div ecx
    idiv bl
    idiv word [eax]
    daa
    das
    aaa
    aas
    aam
    aam 0
    aam 0x10
    aad
    aad 0xff
    o16 aaa

; ---- shifts and bits
%macro shifts 2
    %1 bl, 1
    %1 ebx, 1
    %1 bl, cl
    %1 dword [eax], cl
    %1 byte [ebx], 5
    %1 ecx, 31
    %1 word [esi], 3
%endmacro
    shifts rol, 0
    shifts ror, 1
    shifts rcl, 2
    shifts rcr, 3
    shifts shl, 4
    shifts shr, 5
    shifts sar, 7
    db 0xd0, 0xf3                       ; sal bl, 1 with /6
    db 0xd1, 0x30
    db 0xd2, 0xf3
    db 0xd3, 0xf3
    db 0xc0, 0xf3, 5
    db 0xc1, 0x30, 5
    shld eax, ebx, 4
    shld [eax], ebx, cl
    shrd ax, bx, 4
    shrd [eax], ebx, cl
    bt eax, ebx
    bts [eax], ebx
    btr [eax], ecx
    btc ax, dx
    lock bts [eax], ebx
    bt eax, 3
    bts dword [eax], 31
    btr word [eax], 3
    btc ecx, 1
    lock btr dword [ebx], 2
    bsf eax, ebx
    bsr ecx, [esi]
    bsf ax, [ebx]

; ---- control transfer
near_label:
    jmp short near_label
    jmp near_label
    jmp near far_label
    jmp eax
    jmp [ebx+4]
    jmp 0x10:0x00100000
    jmp far [eax]
    call near_label
    call far_label
    call ecx
    call [esi]
    call 0x08:0x12345678
    call far [ebx]
    o16 jmp far [ebx]
    o16 call 0x08:0x1234
    jo near_label
    jno near_label
    jb near_label
    jae near_label
    je near_label
    jne near_label
    jbe near_label
    ja near_label
    js near_label
    jns near_label
    jp near_label
    jnp near_label
    jl near_label
    jge near_label
    jle near_label
    jg near_label
    jo near far_label
    jno near far_label
    jb near far_label
    jae near far_label
    je near far_label
    jne near far_label
    jbe near far_label
    ja near far_label
    js near far_label
    jns near far_label
    jp near far_label
    jnp near far_label
    jl near far_label
    jge near far_label
    jle near far_label
    jg near far_label
    ret
    ret 8
    retf
    retf 16
    o16 ret
    loop $-4
    loope $-4
    loopne $-4
    jecxz $-4
    a16 loop $-4
    jcxz $-4
    enter 16, 0
    enter 0x1234, 3
    leave
    int 0x80
    int3
    into
    bound eax, [ebx]
    bound ax, [ebx+8]
    a16 bound cx, [bp+si]
    iret
    iretw
    hlt
    pause
    nop
    nop dword [eax]
    nop word [eax+eax*1+0]
    nop eax
    hint_nop8 eax
    hint_nop9 dword [eax]
    hint_nop10 word [ebx+4]
    hint_nop11 cx
    hint_nop12 eax
    hint_nop13 dword [eax]
    hint_nop14 word [ebx+4]
    hint_nop15 cx
    hint_nop32 eax
    hint_nop32 dword [eax]
    o16 hint_nop32 word [eax]
    rep hint_nop32 dword [eax]
    db 0xf3, 0x66, 0x0f, 0x1c, 0x00     ; repz data16 nop WORD PTR [eax]
    db 0xf3, 0x0f, 0x1e, 0xfb           ; endbr32
    db 0xf3, 0x0f, 0x1e, 0xfa           ; endbr64
    db 0x66, 0xf3, 0x0f, 0x1e, 0xc9     ; data16 rdsspd ecx
    db 0xf3, 0x0f, 0x1e, 0x08           ; repz nop DWORD PTR [eax]
    hint_nop33 dword [eax]
    hint_nop34 word [ebx+4]
    hint_nop35 cx
    hint_nop36 eax
    hint_nop37 dword [eax]
    hint_nop38 word [ebx+4]
    hint_nop39 cx
    hint_nop40 eax
    hint_nop41 dword [eax]
    hint_nop42 word [ebx+4]
    hint_nop43 cx
    hint_nop44 eax
    hint_nop45 dword [eax]
    hint_nop46 word [ebx+4]
    hint_nop47 cx
    hint_nop48 eax
    hint_nop49 dword [eax]
    hint_nop50 word [ebx+4]
    hint_nop51 cx
    hint_nop52 eax
    hint_nop53 dword [eax]
    hint_nop54 word [ebx+4]
    hint_nop55 cx
    hint_nop57 dword [eax]
    hint_nop58 word [ebx+4]
    hint_nop59 cx
    hint_nop60 eax
    hint_nop61 dword [eax]
    hint_nop62 word [ebx+4]
    hint_nop63 cx
    ud2

; ---- strings
    movsb
    movsd
    movsw
    rep movsd
    rep movsb
    stosb
    stosd
    rep stosw
    lodsb
    lodsd
    fs lodsw
    cmpsb
    cmpsd
    repe cmpsb
    repne cmpsd
    scasb
    scasd
    repne scasb
    insb
    insd
    rep insw
    outsb
    outsd
    rep outsb
    a16 movsb
    es movsd

; ---- flags and system
    clc
    stc
    cmc
    cld
    std
    cli
    sti
    lgdt [eax]
    sgdt [ebx]
    lidt [ecx]
    sidt [edx]
    o16 lgdt [eax]
    smsw eax
    smsw [eax]
    lmsw ax
    lmsw [ebx]
    invlpg [eax]
    sldt ax
    sldt [eax]
    str eax
    str [ebx]
    lar eax, ecx
    lar ax, cx
    lar eax, [ebx]
    lar ax, [ebx]
    lsl eax, edx
    lsl bx, [eax+4]
    verr ax
    verr [ebx]
    verw cx
    verw [ebx]
    lldt ax
    lldt [eax]
    ltr bx
    ltr [ecx]
    clts
    arpl [eax], cx
    arpl dx, cx
    o16 arpl [eax], cx
    in al, 0x60
    in eax, 0x40
    in ax, 0x40
    in al, dx
    in eax, dx
    out 0x80, al
    out 0x40, eax
    out dx, al
    out dx, ax
    cpuid
    rdtsc
    rdmsr
    wrmsr
    wbinvd
    invd
    sysenter
    syscall
    fwait
    nop

; ---- addressing forms and prefixes
    mov eax, [esp]
    mov eax, [ebp]
    mov eax, [esp+ebp*2-0x80]
    mov eax, [ebp+0x12345678]
    mov eax, [esi*4+0x1000]
    mov eax, [ebx-0x80000000]
    mov eax, [cs:ebx]
    mov eax, [ss:ebp+8]
    mov eax, [gs:esi*8]
    mov al, [bx]
    mov al, [bp+si]
    mov al, [di+0x1234]
    mov al, [bp-2]
    cs nop
    db 0x66, 0x90
    db 0x67, 0x90
    db 0x66, 0x66, 0x89, 0xc0
    db 0xf3, 0xc3                       ; repz ret
    db 0xf2, 0xc3                       ; bnd ret
    db 0x8d, 0xb4, 0x26, 0, 0, 0, 0     ; lea esi, [esi+eiz*1+0x0]
    db 0x8d, 0x74, 0x26, 0x00
    db 0x3e, 0xff, 0xe0                 ; notrack jmp eax

far_label:
    ret
