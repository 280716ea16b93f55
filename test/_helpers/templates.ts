// Test helper: organisation templates made at test time. python-pptx's default template (authored
// in PowerPoint, 4:3) is read from the copy vendored in ../shared/tools/readers; a messy one is made
// from the Blue Curve fixture.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { tempDir } from "./build.js";

const SHARED_PPTX = "../shared/tools/readers/vendor";

/** python-pptx's default template (authored in PowerPoint, 4:3, 10 × 7.5 in), from the copy vendored in ../shared. */
export function powerPointTemplate(): string {
  const dir = tempDir();
  const tarball = readdirSync(SHARED_PPTX).find((f) => f.startsWith("python-pptx-") && f.endsWith(".tar.gz"))!;
  execFileSync("tar", ["xzf", join(SHARED_PPTX, tarball), "-C", dir, "--wildcards", "*/templates/default.pptx"]);
  const found = execFileSync("find", [dir, "-name", "default.pptx"], { encoding: "utf8" }).trim().split("\n")[0]!;
  return found;
}

/** Blue Curve made messy as real templates are: a repeated shape id and mc:AlternateContent in a layout, an embedded font. */
export function messyTemplate(): string {
  const files = unzipSync(readFileSync("test/fixtures/templates/blue-curve.pptx"));
  const layout = "ppt/slideLayouts/slideLayout1.xml";
  const deco = (id: number) => `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Deco"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="457200" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></p:spPr></p:sp>`;
  const alternate = `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main" Requires="p14">${deco(40)}</mc:Choice><mc:Fallback>${deco(41)}</mc:Fallback></mc:AlternateContent>`;
  files[layout] = strToU8(new TextDecoder().decode(files[layout]!).replace("</p:spTree>", `${deco(1)}${alternate}</p:spTree>`));
  files["ppt/fonts/font1.fntdata"] = readFileSync("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf");
  const rels = "ppt/_rels/presentation.xml.rels";
  files[rels] = strToU8(new TextDecoder().decode(files[rels]!).replace("</Relationships>", '<Relationship Id="rIdFont1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font1.fntdata"/></Relationships>'));
  const pres = new TextDecoder().decode(files["ppt/presentation.xml"]!);
  files["ppt/presentation.xml"] = strToU8(pres.replace(/(<p:notesSz[^>]*\/>)/, '$1<p:embeddedFontLst><p:embeddedFont><p:font typeface="Carlito"/><p:regular r:id="rIdFont1"/></p:embeddedFont></p:embeddedFontLst>'));
  files["[Content_Types].xml"] = strToU8(new TextDecoder().decode(files["[Content_Types].xml"]!).replace("<Default ", '<Default Extension="fntdata" ContentType="application/x-fontdata"/><Default '));
  const file = join(tempDir(), "messy.pptx");
  writeFileSync(file, zipSync(files));
  return file;
}

