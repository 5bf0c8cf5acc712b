package seeds

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// This file writes minimal WordprocessingML (.docx) packages: paragraphs of
// plain, bold or italic runs, and simple bordered tables. That is all the
// seeded documents need, and it opens in Word and LibreOffice alike.

// MIMEDOCX is the media type of a .docx file.
const MIMEDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// run is a piece of text with one formatting.
type run struct {
	Text   string
	Bold   bool
	Italic bool
}

// para is a paragraph.
type para struct {
	Runs    []run
	Center  bool
	Right   bool
	Heading bool // bold and kept with the next paragraph
}

// table is a bordered table whose first row repeats on every page.
type table struct {
	Widths []int    // column widths in twentieths of a point
	Header []string // header cells, bold
	Rows   [][]cell
	Small  bool // 11 pt text instead of 13 pt
}

// cell is the content of a table cell: one or more paragraphs.
type cell []para

// sectionBreak ends a portrait section; what follows is landscape.
type sectionBreak struct{}

// docxDoc is a document to write.
type docxDoc struct {
	Title     string
	Created   time.Time
	Blocks    []any // para, table or sectionBreak
	Landscape bool  // orientation of the last section
}

// textPara is a paragraph of one plain run.
func textPara(s string) para { return para{Runs: []run{{Text: s}}} }

// boldPara is a paragraph of one bold run.
func boldPara(s string) para { return para{Runs: []run{{Text: s, Bold: true}}} }

// xmlText escapes s for element content, dropping characters XML 1.0
// cannot carry at all.
func xmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF {
			return r
		}
		return -1
	}, s)
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// A4 in twentieths of a point, with 2 cm margins (1134).
const (
	a4Short = 11906
	a4Long  = 16838
	margin  = 1134
)

func sectPr(landscape bool) string {
	w, h, orient := a4Short, a4Long, ""
	if landscape {
		w, h, orient = a4Long, a4Short, ` w:orient="landscape"`
	}
	return fmt.Sprintf(`<w:sectPr><w:pgSz w:w="%d" w:h="%d"%s/>`+
		`<w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`,
		w, h, orient, margin, margin, margin, margin)
}

func writePara(b *strings.Builder, p para, extraPPr, extraRPr string) {
	b.WriteString("<w:p>")
	var ppr strings.Builder
	if p.Heading {
		ppr.WriteString(`<w:keepNext/><w:spacing w:before="120"/>`)
	}
	switch {
	case p.Center:
		ppr.WriteString(`<w:jc w:val="center"/>`)
	case p.Right:
		ppr.WriteString(`<w:jc w:val="right"/>`)
	}
	ppr.WriteString(extraPPr)
	if ppr.Len() > 0 {
		b.WriteString("<w:pPr>" + ppr.String() + "</w:pPr>")
	}
	for _, r := range p.Runs {
		if r.Text == "" {
			continue
		}
		b.WriteString("<w:r>")
		if r.Bold || r.Italic || p.Heading || extraRPr != "" {
			b.WriteString("<w:rPr>")
			if r.Bold || p.Heading {
				b.WriteString("<w:b/>")
			}
			if r.Italic {
				b.WriteString("<w:i/>")
			}
			b.WriteString(extraRPr + "</w:rPr>")
		}
		b.WriteString(`<w:t xml:space="preserve">` + xmlText(r.Text) + "</w:t></w:r>")
	}
	b.WriteString("</w:p>")
}

func writeCell(b *strings.Builder, width int, c cell, small bool) {
	fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>`, width)
	if len(c) == 0 {
		c = cell{para{}} // a cell must hold a paragraph
	}
	rpr := ""
	if small {
		rpr = `<w:sz w:val="22"/><w:szCs w:val="22"/>`
	}
	for _, p := range c {
		writePara(b, p, `<w:spacing w:after="40"/>`, rpr)
	}
	b.WriteString("</w:tc>")
}

func writeTable(b *strings.Builder, t table) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblCellMar><w:left w:w="72" w:type="dxa"/><w:right w:w="72" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString("</w:tblGrid>")
	if len(t.Header) > 0 {
		b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
		for i, h := range t.Header {
			writeCell(b, t.Widths[i], cell{para{Runs: []run{{Text: h, Bold: true}}, Center: true}}, t.Small)
		}
		b.WriteString("</w:tr>")
	}
	for _, row := range t.Rows {
		b.WriteString("<w:tr>")
		for i := range t.Widths {
			var c cell
			if i < len(row) {
				c = row[i]
			}
			writeCell(b, t.Widths[i], c, t.Small)
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
}

func documentXML(d docxDoc) string {
	var b strings.Builder
	b.WriteString(xml.Header + "<w:document " + wNS + "><w:body>")
	for _, blk := range d.Blocks {
		switch v := blk.(type) {
		case para:
			writePara(&b, v, "", "")
		case table:
			writeTable(&b, v)
			writePara(&b, para{}, "", "") // keep a paragraph after every table
		case sectionBreak:
			b.WriteString("<w:p><w:pPr>" + sectPr(false) + "</w:pPr></w:p>")
		}
	}
	b.WriteString(sectPr(d.Landscape) + "</w:body></w:document>")
	return b.String()
}

const stylesXML = xml.Header + `<w:styles ` + wNS + `>` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` +
	`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>` +
	`<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>` +
	`<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>` +
	`</w:tblCellMar></w:tblPr></w:style></w:styles>`

const contentTypesXML = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const packageRelsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRelsXML = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

func coreXML(title string, created time.Time) string {
	stamp := created.UTC().Format("2006-01-02T15:04:05Z")
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + xmlText(title) + `</dc:title><dc:language>vi-VN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

// buildDOCX writes the package. Zip entries carry the document's date, so
// the same document always gives the same bytes (and the same SHA-256).
func buildDOCX(d docxDoc) ([]byte, error) {
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypesXML},
		{"_rels/.rels", packageRelsXML},
		{"docProps/core.xml", coreXML(d.Title, d.Created)},
		{"word/_rels/document.xml.rels", documentRelsXML},
		{"word/document.xml", documentXML(d)},
		{"word/styles.xml", stylesXML},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: d.Created.UTC()})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
