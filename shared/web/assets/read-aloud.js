// "Read aloud" beside each question of the youngest surveys, where the browser can speak: it reads the
// question, its hint and its answers in the page's language. Without speech (or JavaScript) the buttons stay hidden.
if (window.speechSynthesis && typeof window.SpeechSynthesisUtterance === 'function') {
  for (const button of document.querySelectorAll('button[data-read-aloud]')) {
    button.parentElement.hidden = false;
    button.addEventListener('click', () => {
      const question = document.getElementById(button.dataset.readAloud);
      if (!question) return;
      const copy = question.cloneNode(true);
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"], button, .govuk-visually-hidden, .govuk-character-count__message')) hidden.remove();
      const parts = [...copy.querySelectorAll('legend, label, .govuk-hint, .kept-read')].map((e) => e.textContent.trim()).filter(Boolean);
      const utterance = new window.SpeechSynthesisUtterance(parts.join('. '));
      utterance.lang = document.documentElement.lang;
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
    });
  }
}
