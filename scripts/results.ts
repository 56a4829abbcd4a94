console.log('results: placeholder');
