// What an email page reports, measured in Chromium (colours as computed "rgb(…)" strings).
// Read by tests/notifications/test_email_layout.py and passed to page.evaluate.
() => {
  const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
  const opaque = (s) => { const c = rgb(s); return c.length === 3 || (c.length === 4 && c[3] > 0); };
  const lum = (s) => {
    const [r, g, b] = rgb(s).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backgroundOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (opaque(bg)) return {bg, own: e !== document.documentElement};
    }
    return {bg: null, own: false};
  };
  const buttons = [...document.querySelectorAll("a.button-link")];
  const button = buttons[0];
  const body = getComputedStyle(document.body);
  const texts = [];
  for (const el of document.body.querySelectorAll("*")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const rect = el.getBoundingClientRect();
    if (!own || rect.width === 0 || rect.height === 0) continue;  // the hidden preheader
    const style = getComputedStyle(el);
    const {bg, own: ownBg} = backgroundOf(el);
    texts.push({
      text: el.textContent.trim().slice(0, 40), font: style.fontFamily,
      size: parseFloat(style.fontSize), contrast: bg ? contrast(style.color, bg) : 0, ownBg,
      right: rect.right,
    });
  }
  const card = document.querySelector("table.card").getBoundingClientRect();
  return {
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
    styleElements: document.querySelectorAll("style, link[rel=stylesheet]").length,
    remote: document.querySelectorAll("img, link, script, iframe, object").length
      + [...document.querySelectorAll("[style]")].filter((e) => /url\(|@import|@font-face/.test(e.getAttribute("style"))).length,
    buttons: buttons.length,
    buttonBackground: getComputedStyle(button).backgroundColor,
    buttonContrast: contrast(getComputedStyle(button).color, getComputedStyle(button).backgroundColor),
    buttonRight: button.getBoundingClientRect().right,
    buttonHeight: button.getBoundingClientRect().height,
    buttonDecoration: getComputedStyle(button).textDecorationLine,
    pageBackground: body.backgroundColor,
    bodyFont: body.fontFamily,
    cardWidth: card.width,
    texts,
  };
}
