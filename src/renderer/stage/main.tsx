document.getElementById('root')!.textContent = 'Scène : en construction';
