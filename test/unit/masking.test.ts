import { maskIdNumber, maskName, maskPhone } from "../../src/common/masking";

describe("maskPhone", () => {
  it.each([
    ["13812345678", "138****5678"],
    ["057112345678", "057*****5678"],
    ["12345678", "123*5678"],
    ["1234567", "*******"],
    ["110", "***"],
    ["", ""],
  ])("%s → %s", (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
    expect(maskPhone(phone)).toHaveLength(phone.length);
  });
});

describe("maskIdNumber", () => {
  it.each([
    ["210504199001011234", "2105**********1234"],
    ["21050419900101123X", "2105**********123X"],
    ["123456789", "1234*6789"],
    ["12345678", "********"],
    ["", ""],
  ])("%s → %s", (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
    expect(maskIdNumber(id)).toHaveLength(id.length);
  });
});

describe("maskName", () => {
  it.each([
    ["王小明", "王**"],
    ["王", "王**"],
    ["欧阳娜娜", "欧**"],
    ["Alice", "A**"],
    ["阿卜杜·热合曼", "阿**"],
    // A family name outside the BMP keeps both halves of its surrogate pair.
    ["𠀀明", "𠀀**"],
    ["", ""],
  ])("%s → %s", (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it("never tells the length of the name", () => {
    expect(maskName("李四")).toHaveLength(maskName("李四五六七").length);
  });
});
